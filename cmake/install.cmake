# cmake/install.cmake - sheetpile installed like other software.
#
#   bin/sheetpile
#   share/sheetpile/{profiles.csv,grades.csv}     the catalogue (designs/)
#   share/sheetpile/plots/*.gp                    the gnuplot templates (plots/)
#   share/sheetpile/examples/*.ini                the example studies, on the installed catalogue
#   share/man/man1/sheetpile.1                    the man page (docs/sheetpile.1)
#   share/doc/sheetpile/                          README.md, docs/*.md, designs/README-catalogue.md
#   share/bash-completion/completions/sheetpile   bash completion (completions/sheetpile.bash)
#
# The executable finds share/sheetpile from its own location
# (core/datadir.c: /proc/self/exe/../../share/sheetpile), so the build tree
# gets the same layout: build/src/sheetpile reads build/share/sheetpile,
# a copy made here at configure time (configure_file re-runs when a source
# file changes). Nothing reads the source tree at run time.

set(SP_STAGE ${CMAKE_BINARY_DIR}/share/sheetpile)
foreach(f profiles.csv grades.csv)
  configure_file(${PROJECT_SOURCE_DIR}/designs/${f} ${SP_STAGE}/${f} COPYONLY)
endforeach()
file(GLOB SP_PLOT_TEMPLATES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/plots/*.gp)
foreach(f ${SP_PLOT_TEMPLATES})
  get_filename_component(n ${f} NAME)
  configure_file(${f} ${SP_STAGE}/plots/${n} COPYONLY)
endforeach()
# The examples name their catalogue beside them (catalogue = profiles.csv);
# installed, they use the installed one: those two lines become comments.
file(GLOB SP_EXAMPLES CONFIGURE_DEPENDS ${PROJECT_SOURCE_DIR}/designs/*.ini)
foreach(f ${SP_EXAMPLES})
  get_filename_component(n ${f} NAME)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${f})
  file(READ ${f} text)
  string(REGEX REPLACE "\n(catalogue|grades) *= *(profiles|grades)\\.csv *\n"
         "\n# \\1: the installed one (sheetpile --version names its folder)\n" text "${text}")
  string(REGEX REPLACE "\n(catalogue|grades) *= *(profiles|grades)\\.csv *\n"
         "\n# \\1: the installed one (sheetpile --version names its folder)\n" text "${text}")
  file(WRITE ${SP_STAGE}/examples/${n} "${text}")
endforeach()

install(TARGETS sheetpile RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY ${SP_STAGE}/ DESTINATION ${CMAKE_INSTALL_DATADIR}/sheetpile)
install(FILES ${PROJECT_SOURCE_DIR}/docs/sheetpile.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
file(GLOB SP_DOCS ${PROJECT_SOURCE_DIR}/docs/*.md)
install(FILES ${PROJECT_SOURCE_DIR}/README.md ${PROJECT_SOURCE_DIR}/designs/README-catalogue.md ${SP_DOCS}
        DESTINATION ${CMAKE_INSTALL_DOCDIR})
install(FILES ${PROJECT_SOURCE_DIR}/completions/sheetpile.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME sheetpile)

# cpack -G DEB (in the build directory): sheetpile_<version>_<arch>.deb for Debian 12
set(CPACK_PACKAGE_NAME sheetpile)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "sheetpile maintainers <sheetpile@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "find the best steel sheet pile wall for an excavation or quay")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libc6, libgsl27, libgslcblas0, libcsv3, libinih1, libgomp1")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnuplot-nox | gnuplot")
set(CPACK_STRIP_FILES OFF)
include(CPack)
