# Test helper: one Catch2 executable per module, registered test case by test case with CTest.
find_package(Catch2 2.13 REQUIRED)
include(Catch)

# NORMTRACK_SHARED_DIR: the ../shared folder with seeds and samples (tests read, never copy).
set(NORMTRACK_SHARED_DIR "${PROJECT_SOURCE_DIR}/../shared" CACHE PATH "Shared seeds and samples")

# Warnings for a Catch2 test executable, however it is registered.
function(normtrack_set_test_warnings target)
  normtrack_set_warnings(${target})
  # Under -fsanitize (the asan preset) GCC 12 warns falsely that libstdc++'s <regex>, which
  # Catch2 includes, uses std::function members uninitialized; the normal build keeps them.
  if(NORMTRACK_SANITIZE AND CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
    target_compile_options(${target} PRIVATE -Wno-maybe-uninitialized)
  endif()
endfunction()

function(normtrack_add_test target)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS;LABELS" ${ARGN})
  add_executable(${target} ${ARG_SOURCES} ${PROJECT_SOURCE_DIR}/tests/support/catch_main.cpp)
  target_link_libraries(${target} PRIVATE ${ARG_LIBS} test_support Catch2::Catch2)
  normtrack_set_test_warnings(${target})
  set(labels ${ARG_LABELS})
  if(NOT labels)
    set(labels unit)
  endif()
  # --warn NoTests: a CTest entry whose name selects no test case fails instead of passing
  # empty (a ';' in a test name once split it into two entries that ran nothing).
  catch_discover_tests(${target}
    EXTRA_ARGS --warn NoTests
    PROPERTIES LABELS "${labels}"
    ENVIRONMENT "NORMTRACK_HOME=${CMAKE_BINARY_DIR}/test-home-unused")
endfunction()

# A module's test folder: every *_test.cpp in it becomes one executable "<module>_tests".
function(normtrack_add_module_tests module)
  cmake_parse_arguments(ARG "" "" "LIBS;LABELS" ${ARGN})
  file(GLOB sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*_test.cpp)
  set(labels ${ARG_LABELS})
  if(NOT labels)
    # One label, the module (`ctest -L store`): catch_discover_tests flattens a list of labels.
    set(labels ${module})
  endif()
  if(sources)
    normtrack_add_test(${module}_tests SOURCES ${sources} LIBS ${ARG_LIBS} LABELS ${labels})
  endif()
endfunction()
