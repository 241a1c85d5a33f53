# Every string the program shows has its German: lupdate is run over the sources into a copy
# of translations/statescope_de.ts, and any message it adds or leaves unfinished fails the
# test (a string added or reworded without `update_translations` and a translation shows in
# English on the German screen). The committed catalogue is not touched.
#   cmake -DLUPDATE=... -DSRC=<repo> -DWORK=<scratch dir> -P check_translations.cmake
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(ts "${WORK}/statescope_de.ts")
file(COPY_FILE "${SRC}/translations/statescope_de.ts" "${ts}")
execute_process(COMMAND "${LUPDATE}" -no-obsolete -locations none "${SRC}/src" "${SRC}/ui" -ts "${ts}"
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "lupdate failed (${rc}):\n${out}${err}")
endif()
file(READ "${ts}" text)
string(REGEX MATCHALL "<source>[^<]*</source>[ \n]*<translation type=\"unfinished\">" missing "${text}")
list(LENGTH missing count)
file(REMOVE_RECURSE "${WORK}")
if(count GREATER 0)
  string(REGEX REPLACE "[ \n]*<translation type=\"unfinished\">" "" missing "${missing}")
  string(REPLACE ";" "\n  " missing "${missing}")
  message(FATAL_ERROR "${count} string(s) have no German translation "
                      "(cmake --build build/dev --target update_translations, then translate them):\n  ${missing}")
endif()
message(STATUS "every string has its German translation")
