/*
 * What the C runtime's pure part (../../crt) asks of the DLL it is built
 * into.  ntdll's C library functions have no errno to set and no invalid
 * parameter handler to call: they only return their documented results.
 */
void crt_set_errno(int e)
{
	(void)e;
}

void crt_invalid_parameter(void)
{
}
