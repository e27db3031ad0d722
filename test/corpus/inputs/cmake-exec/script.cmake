# Child processes: cmake runs itself with pipes between the children and
# back to the parent, then packs and unpacks a directory with its tar.
execute_process(COMMAND ${CMAKE_COMMAND} -E echo "hello from a child"
  OUTPUT_VARIABLE child_out OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE child_rc)
message(STATUS "child: [${child_out}] rc=${child_rc}")

execute_process(COMMAND ${CMAKE_COMMAND} -E cat data.txt
  COMMAND ${CMAKE_COMMAND} -E cat -
  OUTPUT_VARIABLE piped RESULT_VARIABLE pipe_rc)
string(STRIP "${piped}" piped)
message(STATUS "pipeline: [${piped}] rc=${pipe_rc}")

execute_process(COMMAND ${CMAKE_COMMAND} -E false RESULT_VARIABLE false_rc)
message(STATUS "false rc=${false_rc}")

file(MAKE_DIRECTORY tree/sub)
foreach(i RANGE 1 200)
  file(APPEND tree/sub/lines.txt "line ${i} of the packed tree\n")
endforeach()
execute_process(COMMAND ${CMAKE_COMMAND} -E tar czf tree.tgz tree RESULT_VARIABLE tar_rc)
file(REMOVE_RECURSE tree)
execute_process(COMMAND ${CMAKE_COMMAND} -E tar xzf tree.tgz RESULT_VARIABLE untar_rc)
file(SHA256 tree/sub/lines.txt tree_hash)
message(STATUS "tar rc=${tar_rc}/${untar_rc} ${tree_hash}")
