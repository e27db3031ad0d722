local   x = {1,2,   3}
function f( a,b ) return a+b end
print( f(x[1],x[2]) )
