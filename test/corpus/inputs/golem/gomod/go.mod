module example.com/lsw

go 1.22
