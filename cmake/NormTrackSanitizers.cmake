# AddressSanitizer + UndefinedBehaviorSanitizer build of the non-GUI suite (docs/reliability.md,
# "Sanitizers"). NORMTRACK_SANITIZE=ON is set by the `asan` preset (build-asan/); every target of
# ours is instrumented and any finding stops the process (-fno-sanitize-recover=all), so a CTest
# run fails on the first report. The system libraries (SQLite, Xapian, ICU, pugixml...) are not
# instrumented: ASan sees their heap use only through its allocator and interceptors.
#
# The preset (CMakePresets.json, which cannot hold comments) builds Debug with "-O1 -g1": asserts
# stay on, -O1 is the optimisation the sanitizer manuals advise (fast enough, faithful stacks),
# and -g1 keeps file:line in reports while compiling far faster than full debug information.
# Its test preset sets ASAN_OPTIONS, UBSAN_OPTIONS and LSAN_OPTIONS, the latter two with the
# suppression files in tests/sanitizers/; run it as `ctest --preset asan` or `./test.sh --sanitize`.
option(NORMTRACK_SANITIZE "Build with -fsanitize=address,undefined (the asan preset)" OFF)

if(NORMTRACK_SANITIZE)
  if(MSVC)
    message(FATAL_ERROR "NORMTRACK_SANITIZE is for GCC and clang.")
  endif()
  add_compile_options(-fsanitize=address,undefined -fno-sanitize-recover=all
                      -fno-omit-frame-pointer)
  add_link_options(-fsanitize=address,undefined)
endif()
