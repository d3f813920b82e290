# Packaging with CPack: `cmake --build build && (cd build && cpack -G TGZ)` or `-G DEB`.
# Installs the CLI, the app, the bundled corpus and the gazetteer/norms data
# (share/normtrack/corpus, found by app::ReferenceData::DefaultFolder()).

if(UNIX AND NOT APPLE)
  install(FILES ${CMAKE_CURRENT_LIST_DIR}/linux/normtrack.desktop
          DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
endif()

set(CPACK_PACKAGE_NAME "normtrack")
set(CPACK_PACKAGE_VENDOR "NormTrack")
set(CPACK_PACKAGE_VERSION "${PROJECT_VERSION}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_CONTACT "NormTrack maintainers")
set(CPACK_RESOURCE_FILE_README "${PROJECT_SOURCE_DIR}/README.md")
set(CPACK_GENERATOR "TGZ")
set(CPACK_SOURCE_GENERATOR "TGZ")
set(CPACK_SOURCE_IGNORE_FILES "/build.*/;/\\\\.git/;/Testing/")

# Debian: runtime libraries the binaries link against, resolved from the built files.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_SECTION "utils")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)

include(CPack)
