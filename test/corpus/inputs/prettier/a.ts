type   Pair<T>={first:T,second:T}
export const swap=<T,>(p:Pair<T>):Pair<T>=>({first:p.second,second:p.first})
const   xs = [1,2,3].map(x=>x*2)
