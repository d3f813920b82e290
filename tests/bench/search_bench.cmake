# search_bench: Xapian (NormTrack's indexer and searcher) vs SQLite FTS5 vs raw tokenising on a
# synthetic corpus. Not a test; run by hand (docs/performance.md says how).
find_package(PkgConfig REQUIRED)
pkg_check_modules(XAPIAN_BENCH REQUIRED IMPORTED_TARGET xapian-core)
find_package(SQLite3 REQUIRED)
add_executable(search_bench ${CMAKE_CURRENT_LIST_DIR}/search_bench.cpp)
# The baselines (TermGenerator alone, FTS5) use the libraries directly; NormTrack's own numbers
# go through the search module's public API.
target_link_libraries(search_bench PRIVATE search PkgConfig::XAPIAN_BENCH SQLite::SQLite3)
normtrack_set_warnings(search_bench)
