/*
 * __NLG_Dispatch2, __NLG_Return2: the points a debugger breaks on to
 * follow a non-local goto (a catch block's continuation); they do nothing.
 */
	.text
	.globl __NLG_Dispatch2
	.def __NLG_Dispatch2; .scl 2; .type 32; .endef
__NLG_Dispatch2:
	ret

	.globl __NLG_Return2
	.def __NLG_Return2; .scl 2; .type 32; .endef
__NLG_Return2:
	ret
