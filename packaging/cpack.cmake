# Desktop integration, documentation and the Debian package.
install(FILES ${CMAKE_SOURCE_DIR}/packaging/io.statescope.Statescope.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/io.statescope.Statescope.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/statescope.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME io.statescope.Statescope.svg)

# The user's guide and the documents it links to, for Help > User guide (gui/window/guidewindow.h).
file(GLOB STATESCOPE_GUIDE_DOCS ${CMAKE_SOURCE_DIR}/docs/*.md)
install(FILES ${STATESCOPE_GUIDE_DOCS} DESTINATION ${CMAKE_INSTALL_DATADIR}/statescope/guide)
install(DIRECTORY ${CMAKE_SOURCE_DIR}/docs/images/guide DESTINATION ${CMAKE_INSTALL_DATADIR}/statescope/guide/images
        FILES_MATCHING PATTERN "*.png")
install(FILES ${CMAKE_SOURCE_DIR}/packaging/lintian-overrides DESTINATION ${CMAKE_INSTALL_DATADIR}/lintian/overrides
        RENAME statescope)

# Manual pages made from the programs' own --help and --version at build time, so they
# cannot drift from the programs; the changelog compressed the way Debian wants it.
find_program(HELP2MAN help2man)
find_program(GZIP gzip REQUIRED)
if(NOT HELP2MAN)
  message(FATAL_ERROR "help2man not found: it writes the manual pages "
                      "(Debian: apt-get install help2man, or run packaging/dev.sh).")
endif()
set(STATESCOPE_DOC_DIR ${CMAKE_BINARY_DIR}/doc)
set(STATESCOPE_MAN_PAGES)
foreach(program statescope statescope-cli)
  if(program STREQUAL "statescope")
    set(name "inspect, replay and administer per-reset PostgreSQL game databases")
  else()
    set(name "command-line twin of Statescope")
  endif()
  add_custom_command(
    OUTPUT ${STATESCOPE_DOC_DIR}/${program}.1.gz
    COMMAND ${CMAKE_COMMAND} -E make_directory ${STATESCOPE_DOC_DIR}
    COMMAND ${CMAKE_COMMAND} -E env LC_ALL=C.UTF-8 LANGUAGE=
            ${HELP2MAN} --no-info --section=1 --name=${name}
            --output=${STATESCOPE_DOC_DIR}/${program}.1 $<TARGET_FILE:${program}>
    COMMAND ${GZIP} -9nf ${STATESCOPE_DOC_DIR}/${program}.1
    DEPENDS ${program}
    COMMENT "Writing the manual page of ${program}"
    VERBATIM)
  list(APPEND STATESCOPE_MAN_PAGES ${STATESCOPE_DOC_DIR}/${program}.1.gz)
endforeach()
add_custom_command(
  OUTPUT ${STATESCOPE_DOC_DIR}/changelog.gz
  COMMAND ${CMAKE_COMMAND} -E make_directory ${STATESCOPE_DOC_DIR}
  COMMAND ${GZIP} -9nc ${CMAKE_SOURCE_DIR}/packaging/changelog > ${STATESCOPE_DOC_DIR}/changelog.gz
  DEPENDS ${CMAKE_SOURCE_DIR}/packaging/changelog
  VERBATIM)
# Bash completion, written by the program from the table its --help prints.
add_custom_command(
  OUTPUT ${STATESCOPE_DOC_DIR}/statescope-cli.bash
  COMMAND ${CMAKE_COMMAND} -E make_directory ${STATESCOPE_DOC_DIR}
  COMMAND $<TARGET_FILE:statescope-cli> completion bash > ${STATESCOPE_DOC_DIR}/statescope-cli.bash
  DEPENDS statescope-cli
  COMMENT "Writing the bash completion of statescope-cli"
  VERBATIM)
add_custom_target(statescope_docs ALL DEPENDS ${STATESCOPE_MAN_PAGES} ${STATESCOPE_DOC_DIR}/changelog.gz
                                              ${STATESCOPE_DOC_DIR}/statescope-cli.bash)
install(FILES ${STATESCOPE_DOC_DIR}/statescope-cli.bash
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME statescope-cli)
install(FILES ${STATESCOPE_MAN_PAGES} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
install(FILES ${STATESCOPE_DOC_DIR}/changelog.gz ${CMAKE_SOURCE_DIR}/packaging/copyright
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/statescope)

# What dh_strip would do beyond CPack's strip: drop the compiler's .comment and .note notes.
install(CODE "set(statescope_objcopy \"${CMAKE_OBJCOPY}\")")
install(CODE "set(statescope_libdir \"${STATESCOPE_PRIVATE_LIBDIR}\")")
install(CODE [[
  foreach(program bin/statescope bin/statescope-cli ${statescope_libdir}/libstatescope-io.so)
    set(path "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/${program}")
    if(EXISTS "${path}")
      execute_process(COMMAND "${statescope_objcopy}" --remove-section=.comment --remove-section=.note
                              "${path}" COMMAND_ERROR_IS_FATAL ANY)
    endif()
  endforeach()
]])

set(CPACK_PACKAGE_NAME "statescope")
set(CPACK_PACKAGE_VENDOR "Statescope")
set(CPACK_PACKAGE_CONTACT "Statescope developers <dev@statescope.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_PACKAGE_DESCRIPTION_FILE "${CMAKE_SOURCE_DIR}/packaging/description.txt")
set(CPACK_RESOURCE_FILE_LICENSE "${CMAKE_SOURCE_DIR}/LICENSE")
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "database")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE "${PROJECT_HOMEPAGE_URL}")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The sandbox needs the server binaries, dumps need the client tools, the app needs Qt's
# PostgreSQL driver and a platform plugin (xcb; offscreen is in libqt6gui6).
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "postgresql-15 | postgresql, postgresql-client-15 | postgresql-client, libqt6sql6-psql, qt6-qpa-plugins")
# Qt's own strings (standard buttons, context menus) in the user's language.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "qt6-translations-l10n")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA "${CMAKE_SOURCE_DIR}/packaging/prerm")
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION TRUE)
set(CPACK_STRIP_FILES ON)
include(CPack)
