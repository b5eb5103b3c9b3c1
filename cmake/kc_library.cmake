# kc_library(NAME folder DEPS ...): one static library per src/ folder, built from every
# .cpp in it and its sub-folders (app/ has one per feature), so adding a file needs no CMake edit.
function(kc_library name)
  cmake_parse_arguments(KC "" "" "DEPS" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp)
  list(FILTER sources EXCLUDE REGEX "/main\\.cpp$")
  if(sources)
    add_library(kc_${name} STATIC ${sources})
    target_link_libraries(kc_${name} PUBLIC ${KC_DEPS})
  else()
    add_library(kc_${name} INTERFACE)
    target_link_libraries(kc_${name} INTERFACE ${KC_DEPS})
  endif()
endfunction()

# kc_unit_tests(folder DEPS ...): one GoogleTest binary per tests/unit/ folder.
function(kc_unit_tests name)
  cmake_parse_arguments(KC "" "" "DEPS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/${name}/*.cpp)
  if(sources)
    add_executable(kc_test_${name} ${sources})
    target_link_libraries(kc_test_${name} PRIVATE ${KC_DEPS} GTest::gtest_main GTest::gmock)
    target_compile_definitions(kc_test_${name} PRIVATE
      KC_REFERENCE_DIR="${KC_REFERENCE_DIR}"
      KC_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
    gtest_discover_tests(kc_test_${name} DISCOVERY_TIMEOUT 60 PROPERTIES LABELS unit)
  endif()
endfunction()
