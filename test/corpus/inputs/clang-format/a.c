int  main(int argc,char**argv){if(argc>1){return 1;}
for(int i=0;i<3;i++)   puts( "x" );return 0;}
