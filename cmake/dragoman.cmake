# Helpers shared by every stage's CMakeLists.txt.

# Warnings for project code only (not for third-party headers).
function(dragoman_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-unused-parameter)
  if(DRAGOMAN_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
  if(DRAGOMAN_FUZZ)
    # Every library a fuzz target links is built with the same instrumentation as the target
    # (coverage for libFuzzer, ASan, UBSan); otherwise the fuzzer runs blind (fuzz/README.md).
    target_compile_options(${target} PRIVATE -fsanitize=fuzzer-no-link,address,undefined
                                             -fno-sanitize-recover=all -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  elseif(DRAGOMAN_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer
                                             -fno-sanitize-recover=undefined)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

# dragoman_library(NAME SOURCES a.cc b.cc DEPS dep1 dep2)
# Creates the static library dragoman_NAME with src/ as its include root.
function(dragoman_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(dragoman_${name} STATIC ${ARG_SOURCES})
  target_include_directories(dragoman_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(dragoman_${name} PUBLIC ${ARG_DEPS})
  target_compile_definitions(dragoman_${name} PRIVATE
    DRAGOMAN_SOURCE_DATA_DIR="${DRAGOMAN_SOURCE_DATA_DIR}"
    DRAGOMAN_INSTALL_DATA_DIR="${DRAGOMAN_INSTALL_DATA_DIR}")
  dragoman_warnings(dragoman_${name})
endfunction()

# dragoman_test(NAME SOURCES a_test.cc DEPS dragoman_x)
# A GoogleTest binary registered with CTest. Tests see DRAGOMAN_SOURCE_DATA_DIR (the shipped
# data/) and DRAGOMAN_SHARED_DIR (../shared beside the checkout; may not exist).
function(dragoman_test name)
  if(NOT DRAGOMAN_BUILD_TESTS)
    return()
  endif()
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE ${ARG_DEPS} GTest::gtest GTest::gtest_main)
  target_compile_definitions(${name} PRIVATE
    DRAGOMAN_SOURCE_DATA_DIR="${DRAGOMAN_SOURCE_DATA_DIR}"
    DRAGOMAN_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    DRAGOMAN_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
  dragoman_warnings(${name})
  gtest_discover_tests(${name} DISCOVERY_TIMEOUT 60)
endfunction()

# dragoman_soname(VAR LIBRARY_FILE): the SONAME recorded in a shared library ("libpq.so.5"), for
# the libraries that are opened with dlopen when a command needs them, not linked
# (base/shared_library.h). The build fails when the library has none.
function(dragoman_soname var file)
  get_filename_component(real "${file}" REALPATH)
  execute_process(COMMAND ${CMAKE_OBJDUMP} -p "${real}" OUTPUT_VARIABLE dump RESULT_VARIABLE rc
                  ERROR_QUIET)
  if(NOT rc EQUAL 0 OR NOT dump MATCHES "SONAME +([^ \n]+)")
    message(FATAL_ERROR "cannot read the SONAME of ${file} (objdump -p)")
  endif()
  set(${var} "${CMAKE_MATCH_1}" PARENT_SCOPE)
endfunction()
