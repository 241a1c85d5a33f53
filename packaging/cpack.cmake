# Desktop integration and the Debian package.
install(FILES ${CMAKE_SOURCE_DIR}/packaging/io.statescope.Statescope.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_SOURCE_DIR}/packaging/io.statescope.Statescope.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/statescope.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps
        RENAME io.statescope.Statescope.svg)

set(CPACK_PACKAGE_NAME "statescope")
set(CPACK_PACKAGE_VENDOR "Statescope")
set(CPACK_PACKAGE_CONTACT "Statescope developers <dev@statescope.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
set(CPACK_GENERATOR "DEB")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION "database")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The sandbox needs the server binaries; dumps need the client tools.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "postgresql-15 | postgresql, postgresql-client, libqt6sql6-psql")
set(CPACK_STRIP_FILES ON)
include(CPack)
