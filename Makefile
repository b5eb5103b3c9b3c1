# The two commands of the README, and the steps they are made of. Every target is idempotent:
# a second run only redoes what changed.
BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
DB ?= var/kechuang.db
LISTEN ?= 127.0.0.1:8080

.PHONY: all deps configure build web run test unit clean

all: build

deps:
	@scripts/install-deps.sh

$(BUILD_DIR)/build.ninja: CMakeLists.txt
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

configure: deps $(BUILD_DIR)/build.ninja

build: configure
	ninja -C $(BUILD_DIR)

web: deps
	@scripts/build-web.sh

run: build web
	@scripts/run.sh "$(DB)" "$(LISTEN)"

test: build web
	@scripts/test.sh

unit: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j2 -L unit

clean:
	rm -rf $(BUILD_DIR) web/dist
