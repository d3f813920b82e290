# One place for compiler warnings. NORMTRACK_WERROR turns them into errors (test builds).
option(NORMTRACK_WERROR "Treat compiler warnings as errors" OFF)

function(normtrack_set_warnings target)
  if(MSVC)
    target_compile_options(${target} PRIVATE /W4 /utf-8 $<$<BOOL:${NORMTRACK_WERROR}>:/WX>)
  else()
    # GCC 12 flags designated initializers ({.limit = 10}) that leave members to their default
    # member initializers; that idiom is how option structs are meant to be used here.
    target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic
                           -Wno-missing-field-initializers
                           $<$<BOOL:${NORMTRACK_WERROR}>:-Werror>)
  endif()
endfunction()

# A module library of NormTrack: rooted includes ("store/database.h"), warnings, C++23.
function(normtrack_add_module target)
  cmake_parse_arguments(ARG "" "" "SOURCES;PUBLIC_DEPS;PRIVATE_DEPS" ${ARGN})
  add_library(${target} STATIC ${ARG_SOURCES})
  target_include_directories(${target} PUBLIC ${NORMTRACK_SOURCE_ROOTS})
  target_link_libraries(${target} PUBLIC ${ARG_PUBLIC_DEPS} PRIVATE ${ARG_PRIVATE_DEPS})
  target_compile_features(${target} PUBLIC cxx_std_23)
  normtrack_set_warnings(${target})
endfunction()
