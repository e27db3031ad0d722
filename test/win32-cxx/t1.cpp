#include "cxx_rt.h"
struct E { int v; E(int x):v(x){} E(const E&o):v(o.v){printf("copy\n");} ~E(){printf("~E\n");} };
struct L { const char*n; L(const char*x):n(x){} ~L(){printf("~%s\n",n);} };
void f(int x){ L a("a"); if (x) throw E(x); }
int main(){
  try { L b("b"); f(3); } catch (E &e) { printf("caught %d\n", e.v); }
  try { try { f(4);} catch (E e) { printf("inner %d\n", e.v); throw; } } catch (...) { printf("outer\n"); }
  return 0;
}
