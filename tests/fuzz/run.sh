#!/usr/bin/env bash
# Builds the libFuzzer targets directly with clang++ (outside CMake), makes a small seed corpus and
# runs each target for a bounded time. A crash, leak or sanitizer report fails the script.
#
#   tests/fuzz/run.sh                 # every target, 20 s each
#   KC_FUZZ_SECONDS=60 tests/fuzz/run.sh xlsx_reader
#   tests/fuzz/run.sh csv             # targets: xlsx_reader xlsx_parts text_encoding domain_parsers formula csv
#                                     #          index_convert index_csv registry_import_source
#
# `make test` (scripts/test.sh) runs every target for 10 s; run the converters for 300 s each by
# hand after changing a reader: KC_FUZZ_SECONDS=300 tests/fuzz/run.sh index_convert index_csv
# registry_import_source. Every target runs under AddressSanitizer with -rss_limit_mb=2048, so a
# file that makes a reader allocate without bound is a finding like a crash.
#
# Output (binaries, corpora, crash files) goes to $KC_FUZZ_OUT (default build-domain/fuzz).
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
out=${KC_FUZZ_OUT:-$root/build-domain/fuzz}
seconds=${KC_FUZZ_SECONDS:-20}
cxx=${KC_FUZZ_CXX:-clang++}
flags=(-std=c++20 -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined
       -fno-sanitize-recover=undefined -I"$root/src")

mkdir -p "$out"
cd "$root"

declare -A sources=(
  [xlsx_reader]="tests/fuzz/xlsx_reader_fuzz.cpp src/io/xlsx_reader.cpp"
  [xlsx_parts]="tests/fuzz/xlsx_parts_fuzz.cpp src/io/xlsx_reader.cpp"
  [text_encoding]="tests/fuzz/text_encoding_fuzz.cpp src/io/text_encoding.cpp"
  [domain_parsers]="tests/fuzz/domain_parsers_fuzz.cpp src/domain/credit_code.cpp src/domain/region_code.cpp src/domain/patent_number.cpp src/domain/industry_code.cpp src/domain/money.cpp src/domain/tech_field.cpp src/domain/field_messages.cpp"
  [formula]="tests/fuzz/formula_fuzz.cpp src/domain/formula/parser.cpp src/domain/formula/walk.cpp src/domain/field_messages.cpp"
  [csv]="tests/fuzz/csv_fuzz.cpp src/io/csv.cpp"
  [index_convert]="tests/fuzz/index_convert_fuzz.cpp src/app/index/index_convert.cpp src/app/limit_problem.cpp src/app/messages.cpp src/app/outcome.cpp src/domain/field_messages.cpp src/io/xlsx_reader.cpp src/io/csv.cpp"
  [index_csv]="tests/fuzz/index_csv_fuzz.cpp src/io/index_csv.cpp src/io/csv.cpp $(echo src/index/*.cpp)"
  [registry_import_source]="tests/fuzz/registry_import_source_fuzz.cpp src/app/registry/import/registry_import_source.cpp src/crypto/crypto.cpp src/io/text_encoding.cpp src/io/xlsx_reader.cpp src/io/csv.cpp src/domain/field_messages.cpp"
)
declare -A libs=([xlsx_reader]="-lzip -lpugixml" [xlsx_parts]="-lzip -lpugixml" [text_encoding]="" [domain_parsers]="" [formula]="" [csv]=""
  [index_convert]="-lzip -lpugixml" [index_csv]="" [registry_import_source]="-lzip -lpugixml -lsodium")
declare -A seeds=([xlsx_reader]=xlsx [xlsx_parts]=xlsx_parts [text_encoding]=text [domain_parsers]=domain [formula]=formula [csv]=csv
  [index_convert]=xlsx [index_csv]=index_csv [registry_import_source]=import)
declare -A dicts=([xlsx_reader]=tests/fuzz/xlsx.dict [xlsx_parts]=tests/fuzz/xlsx.dict [index_convert]=tests/fuzz/xlsx.dict
  [registry_import_source]=tests/fuzz/xlsx.dict)

targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(xlsx_reader xlsx_parts text_encoding domain_parsers formula csv index_convert index_csv registry_import_source)

echo "== seeds"
"$cxx" -std=c++20 -O1 -I"$root/src" tests/fuzz/make_seeds.cpp src/io/xlsx_writer.cpp \
  -lxlsxwriter -lzip -o "$out/make_seeds"
rm -rf "$out/seeds"
"$out/make_seeds" "$out/seeds"
# CSV seeds: the text samples plus quoting, CRLF, blank lines and a ragged row.
mkdir -p "$out/seeds/csv"
cp "$out"/seeds/text/*.csv "$out/seeds/csv/"
printf 'enterprise_id,year,sales_revenue\r\n914403001922038216,2023,"1,234.5"\r\n\r\n' >"$out/seeds/csv/crlf.csv"
printf 'name,note\n"a ""quoted"" name","two\nlines"\n" x ",\n' >"$out/seeds/csv/quoted.csv"
printf 'a,b\n1,2,3\n' >"$out/seeds/csv/ragged.csv"
mkdir -p "$out/seeds/formula"  # the built-in indicators' shapes (app/indicators/catalogue.cpp)
printf 'sum(enterprise_years.rd_total where year = Y)' >"$out/seeds/formula/sum"
printf 'indicator(rd_expenditure_enterprise) / stat(gdp, Y-1) * 100' >"$out/seeds/formula/ratio"
printf "count(enterprises where above_size = true and starts_with(industry_code, 'C')\n  and exists(rd_institutions where enterprise_id = outer.id and recognised_year <= Y)) -- c" >"$out/seeds/formula/exists"
printf "count_distinct(hte_certificates.enterprise_id where in_year(issued_on) and not (revoked_on is null or kind in ('a', '甬')))" >"$out/seeds/formula/distinct"
# Importer seeds: the workbooks and the CSV texts (UTF-8 and the encodings the importer converts).
mkdir -p "$out/seeds/import"
cp "$out"/seeds/xlsx/* "$out"/seeds/csv/* "$out/seeds/import/"
printf 'credit_code,name\n91330106MA2B3C4D5E,\xd6\xd0\xce\xc4\n' >"$out/seeds/import/gb18030.csv"
# iData NUL iMeta: ASEM's files from tests/reference, and a tiny pair.
mkdir -p "$out/seeds/index_csv"
{ cat tests/reference/asem/ASEM_iData.csv; printf '\0'; cat tests/reference/asem/ASEM_iMeta.csv; } >"$out/seeds/index_csv/asem"
printf 'uCode,a,b\nX,1,2\nY,3,NA\n\0Level,iCode,Weight,Type,Parent\n1,a,1,Indicator,I\n1,b,1,Indicator,I\n2,I,1,Aggregate,\n' \
  >"$out/seeds/index_csv/tiny"

status=0
for t in "${targets[@]}"; do
  [ -n "${sources[$t]:-}" ] || { echo "unknown target $t" >&2; exit 2; }
  echo "== build $t"
  # shellcheck disable=SC2086
  "$cxx" "${flags[@]}" ${sources[$t]} ${libs[$t]} -o "$out/${t}_fuzz"
  mkdir -p "$out/corpus/$t" "$out/crashes/$t"
  echo "== run $t for ${seconds}s"
  dict=()
  [ -n "${dicts[$t]:-}" ] && dict=(-dict="$root/${dicts[$t]}")
  if ! "$out/${t}_fuzz" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 "${dict[@]}" \
       -artifact_prefix="$out/crashes/$t/" -print_final_stats=1 \
       "$out/corpus/$t" "$out/seeds/${seeds[$t]}" >"$out/$t.log" 2>&1; then
    echo "FAILED: $t (see $out/$t.log and $out/crashes/$t/)"
    tail -40 "$out/$t.log"
    status=1
  else
    grep -E "^#[0-9]+ *DONE|stat::number_of_executed_units|stat::peak_rss_mb" "$out/$t.log" || true
    echo "corpus: $(ls "$out/corpus/$t" | wc -l) files"
  fi
done
exit $status
