# Fuzzing with libFuzzer (docs/fuzzing.md).
#
# NORMTRACK_FUZZ=ON makes a fuzz build: a separate build tree (build-fuzz/, configured by
# tests/fuzz/run_fuzzers.sh) compiled with clang, where every library is instrumented for
# libFuzzer, AddressSanitizer and UndefinedBehaviorSanitizer, and only the fuzz targets are
# defined as executables (no Catch2 tests, no GUI).
#
# Why clang 16 and not the clang 14 that Debian 12 installs by default: NormTrack's Result is
# std::expected, and libstdc++ 12's <expected> needs conditionally trivial special members
# (P0848), which clang implements from version 16 on. Clang 14 rejects the header outright
# ("destructor of expected<...> is implicitly deleted"), so the choice is clang-16 (a Debian 12
# package) or a second implementation of Result just for fuzzing; we take the package.
option(NORMTRACK_FUZZ "Build the libFuzzer targets (clang >= 16, in a separate build tree)" OFF)
set(NORMTRACK_FUZZ_BUILD_DIR "${PROJECT_SOURCE_DIR}/build-fuzz" CACHE PATH
    "Build tree of the fuzz build, used by the 'fuzz' CTest test of the normal build")

if(NORMTRACK_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang" OR CMAKE_CXX_COMPILER_VERSION VERSION_LESS 16)
    message(FATAL_ERROR "NORMTRACK_FUZZ needs clang 16 or later (libFuzzer, and libstdc++'s "
                        "<expected>); configure with -DCMAKE_CXX_COMPILER=clang++-16.")
  endif()
  # The normal variables win over the option() defaults (policy CMP0077), so the fuzz build
  # never needs Catch2 or wxWidgets built with sanitizers.
  set(NORMTRACK_BUILD_TESTS OFF)
  set(NORMTRACK_BUILD_GUI OFF)
  # libstdc++ 12 gates <expected> on __cpp_concepts >= 202002L; clang 16 implements what that
  # stands for (P0848) but still advertises 201907L.
  add_compile_options(-D__cpp_concepts=202002L -Wno-builtin-macro-redefined -Wno-macro-redefined)
  # Every library gets coverage instrumentation (fuzzer-no-link); only the targets link libFuzzer.
  add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
  add_custom_target(normtrack_fuzzers)
endif()

# Declares fuzz target `name`: an entry point of tests/fuzz/fuzz_entry_points.h (an importer's
# Name(), "registry", "text_decoding" or "extraction"). In the fuzz build it becomes the
# executable fuzz_<name>; in every build the name joins the list the regression test checks.
function(normtrack_add_fuzz_target name)
  set_property(GLOBAL APPEND PROPERTY NORMTRACK_FUZZ_TARGETS ${name})
  if(NORMTRACK_FUZZ)
    add_executable(fuzz_${name} ${PROJECT_SOURCE_DIR}/tests/fuzz/fuzz_target.cpp)
    target_link_libraries(fuzz_${name} PRIVATE fuzz_entry_points)
    target_compile_definitions(fuzz_${name} PRIVATE NORMTRACK_FUZZ_TARGET="${name}")
    target_link_options(fuzz_${name} PRIVATE -fsanitize=fuzzer)
    add_dependencies(normtrack_fuzzers fuzz_${name})
  endif()
endfunction()
