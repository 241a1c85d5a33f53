# Every test function a test's source declares is one its binary runs: Qt's moc, reading a
# test source, can lose a slot or the whole class after some literals (a raw string with \",
# a "\xff" beside another string) without a word, and the test then runs less than it says.
# Each tests/{unit,integration,gui}/tst_*.cpp's `private slots:` functions are compared with
# what `tst_* -functions` lists (ctest -R test_slots).
# cmake -DSRC=<repo>/tests -DBIN=<build>/tests -P check_slots.cmake
cmake_minimum_required(VERSION 3.25)
if(NOT SRC OR NOT BIN)
  message(FATAL_ERROR "usage: cmake -DSRC=... -DBIN=... -P check_slots.cmake")
endif()

file(GLOB sources ${SRC}/unit/tst_*.cpp ${SRC}/integration/tst_*.cpp ${SRC}/gui/tst_*.cpp
     ${SRC}/gui/audit/tst_*.cpp)
# `-functions` exits without destroying the test object, so a directory its members made
# (QTemporaryDir) would stay behind in /tmp after every run: they are made in a scratch
# TMPDIR removed at the end instead (members that name /tmp themselves make theirs in
# initTestCase()).
set(scratch ${BIN}/test_slots_tmp)
file(REMOVE_RECURSE ${scratch})
file(MAKE_DIRECTORY ${scratch})
set(problems "")
set(checked 0)
set(functions 0)
foreach(source IN LISTS sources)
  get_filename_component(name ${source} NAME_WE)
  if(NOT EXISTS ${BIN}/${name})
    continue() # not built in this configuration
  endif()
  # The slots: `void name()` lines after "private slots:", up to the end of the class.
  file(STRINGS ${source} lines)
  set(inSlots FALSE)
  set(declared "")
  foreach(line IN LISTS lines)
    if(line MATCHES "^[ ]*private slots:")
      set(inSlots TRUE)
    elseif(inSlots AND line MATCHES "^};")
      set(inSlots FALSE)
    elseif(inSlots AND line MATCHES "^[ ]*(public|protected|private):")
      set(inSlots FALSE)
    elseif(inSlots AND line MATCHES "^    void ([A-Za-z0-9_]+)\\(\\)")
      set(fn ${CMAKE_MATCH_1})
      if(NOT fn MATCHES "_data$" AND NOT fn MATCHES "^(init|cleanup|initTestCase|cleanupTestCase)$")
        list(APPEND declared ${fn})
      endif()
    endif()
  endforeach()
  execute_process(COMMAND ${CMAKE_COMMAND} -E env TMPDIR=${scratch} ${BIN}/${name} -functions
                  OUTPUT_VARIABLE out ERROR_VARIABLE err
                  RESULT_VARIABLE rc TIMEOUT 60)
  if(NOT rc EQUAL 0)
    list(APPEND problems "${name}: -functions failed (${rc}): ${err}")
    continue()
  endif()
  string(REGEX MATCHALL "[A-Za-z0-9_]+\\(\\)" listed "${out}")
  foreach(fn IN LISTS declared)
    math(EXPR functions "${functions} + 1")
    if(NOT "${fn}()" IN_LIST listed)
      list(APPEND problems "${name}: ${fn} is declared in its source but not in the binary (moc lost it)")
    endif()
  endforeach()
  math(EXPR checked "${checked} + 1")
endforeach()
file(REMOVE_RECURSE ${scratch})
message(STATUS "test_slots: ${functions} test functions of ${checked} test binaries compared")
if(checked LESS 10)
  message(FATAL_ERROR "test_slots: only ${checked} test binaries found under ${BIN}")
endif()
if(problems)
  string(REPLACE ";" "\n  " text "${problems}")
  message(FATAL_ERROR "test_slots:\n  ${text}")
endif()
