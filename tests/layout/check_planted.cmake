# source_layout shown failing: a copy of src with one include planted (PLANT_FILE gets
# `#include "PLANT_INCLUDE"`, or the line PLANT_TEXT), checked by check_layout.cmake, which
# must fail and say EXPECT.
# cmake -DSRC=... -DFLOORS=... -DQT_WIDGETS_DIR=... -DWORK=<scratch dir> -DPLANT_FILE=core/pg/result.cpp
#       -DPLANT_INCLUDE=core/weekly/family.h -DEXPECT="text" -P check_planted.cmake
cmake_minimum_required(VERSION 3.25)
if(DEFINED PLANT_TEXT)
  set(planted "${PLANT_TEXT}")
elseif(DEFINED PLANT_INCLUDE)
  set(planted "#include \"${PLANT_INCLUDE}\"")
else()
  message(FATAL_ERROR "check_planted.cmake needs -DPLANT_INCLUDE=... or -DPLANT_TEXT=...")
endif()
foreach(v SRC FLOORS QT_WIDGETS_DIR WORK PLANT_FILE EXPECT)
  if(NOT DEFINED ${v})
    message(FATAL_ERROR "check_planted.cmake needs -D${v}=...")
  endif()
endforeach()
file(REMOVE_RECURSE ${WORK})
file(COPY ${SRC}/ DESTINATION ${WORK}/src)
if(NOT EXISTS ${WORK}/src/${PLANT_FILE})
  file(WRITE ${WORK}/src/${PLANT_FILE} "")
endif()
file(APPEND ${WORK}/src/${PLANT_FILE} "\n${planted}\n")
execute_process(COMMAND ${CMAKE_COMMAND} -DSRC=${WORK}/src -DFLOORS=${FLOORS} -DQT_WIDGETS_DIR=${QT_WIDGETS_DIR}
                        -P ${CMAKE_CURRENT_LIST_DIR}/check_layout.cmake
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
file(REMOVE_RECURSE ${WORK})
string(REPLACE "\n" " " said "${out}${err}")
string(REGEX REPLACE "  +" " " said "${said}")
if(rc EQUAL 0)
  message(FATAL_ERROR "source_layout passed with ${planted} planted in ${PLANT_FILE}")
endif()
string(FIND "${said}" "${EXPECT}" at)
if(at LESS 0)
  message(FATAL_ERROR "source_layout failed, but without \"${EXPECT}\":\n${out}${err}")
endif()
message(STATUS "planted ${planted} in ${PLANT_FILE}: source_layout says \"${EXPECT}\"")
