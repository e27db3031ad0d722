/* The target rcedit edits in the corpus: a PE with a version resource and
   nothing else.  Built with: x86_64-w64-mingw32-gcc -nostdlib -s -e start */
int start(void) { return 7; }
