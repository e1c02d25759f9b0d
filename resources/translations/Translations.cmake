# The desktop app's translations (Qt Linguist), included at the end of ui/CMakeLists.txt.
#
#   tessera_<lang>.ts  one per language, every message of ui/ and app/gui/ (lupdate writes the
#                      source side, a translator the rest; tests/i18n fails on unfinished ones)
#   tessera_en.ts      English plural forms only ("%n entries" -> "1 entry"/"2 entries")
#
# lrelease turns them into .qm files at build time, embedded in tessera_ui under :/i18n/, so the
# installed app needs no files besides its binary. `cmake --build BUILD --target
# update_translations` rescans the sources into the .ts files. (Qt 6.4's qt_add_lupdate takes one
# option set per target, and the English file needs -pluralonly, so lupdate is called directly,
# the same way tests/i18n calls it.)
find_package(Qt6 6.4 REQUIRED COMPONENTS LinguistTools)

set(TESSERA_TS_DIR ${PROJECT_SOURCE_DIR}/resources/translations)
# Add a language: create tessera_<lang>.ts with the update_translations target after adding it
# here, translate it (Qt Linguist), and commit it.
set(TESSERA_TS_FILES ${TESSERA_TS_DIR}/tessera_de.ts CACHE INTERNAL "")
set(TESSERA_TS_PLURALS ${TESSERA_TS_DIR}/tessera_en.ts CACHE INTERNAL "")

# What lupdate scans: every tessera_ui and tessera_platform (Emergency Kit) source with its
# header, and the app's own files.
set(tessera_tr_sources "")
foreach(library IN ITEMS tessera_ui tessera_platform)
  if(NOT TARGET ${library})
    continue()
  endif()
  get_target_property(library_sources ${library} SOURCES)
  get_target_property(library_dir ${library} SOURCE_DIR)
  foreach(source IN LISTS library_sources)
    if(NOT source MATCHES "\\.cpp$")
      continue()
    endif()
    get_filename_component(source ${source} ABSOLUTE BASE_DIR ${library_dir})
    list(APPEND tessera_tr_sources ${source})
    string(REGEX REPLACE "\\.cpp$" ".h" header ${source})
    if(EXISTS ${header})
      list(APPEND tessera_tr_sources ${header})
    endif()
  endforeach()
endforeach()
file(GLOB tessera_gui_sources CONFIGURE_DEPENDS
  ${PROJECT_SOURCE_DIR}/app/gui/*.cpp ${PROJECT_SOURCE_DIR}/app/gui/*.h)
list(APPEND tessera_tr_sources ${tessera_gui_sources})
list(JOIN tessera_tr_sources "\n" tessera_tr_list)
set(TESSERA_TR_SOURCE_LIST ${CMAKE_BINARY_DIR}/tessera_tr_sources.lst CACHE INTERNAL "")
file(WRITE ${TESSERA_TR_SOURCE_LIST} "${tessera_tr_list}\n")

# One lupdate invocation shared by the update target and the test (tests/i18n).
set(TESSERA_LUPDATE_OPTIONS -silent -locations none -no-obsolete -I ${CMAKE_CURRENT_SOURCE_DIR}
  CACHE INTERNAL "")
add_custom_target(update_translations
  COMMAND Qt6::lupdate ${TESSERA_LUPDATE_OPTIONS} @${TESSERA_TR_SOURCE_LIST}
          -ts ${TESSERA_TS_FILES}
  COMMAND Qt6::lupdate ${TESSERA_LUPDATE_OPTIONS} -pluralonly @${TESSERA_TR_SOURCE_LIST}
          -ts ${TESSERA_TS_PLURALS}
  COMMENT "Updating resources/translations/*.ts from the sources"
  VERBATIM)

qt_add_lrelease(tessera_ui
  TS_FILES ${TESSERA_TS_FILES} ${TESSERA_TS_PLURALS}
  OPTIONS -silent
  QM_FILES_OUTPUT_VARIABLE tessera_qm_files
  NO_GLOBAL_TARGET)
qt_add_resources(tessera_ui tessera_translations
  PREFIX /i18n
  BASE ${CMAKE_CURRENT_BINARY_DIR}
  FILES ${tessera_qm_files})
