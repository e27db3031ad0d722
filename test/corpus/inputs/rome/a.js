const  a = {b:1,
 c:[1,2]}
function f( x ){return x*2}
