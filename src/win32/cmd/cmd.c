/*
 * cmd.exe, the part programs use: "cmd /c COMMAND" as the C runtime's
 * system() and _popen() run it.  COMMAND is one program with its
 * arguments and redirections (<file, >file, >>file, n>file, n>&m; "nul"
 * is the null device); /c, /k, /s, /d and /q are taken (/k as /c).  The
 * quotes around COMMAND follow cmd's documented rule: kept only without
 * /s when there are exactly two, nothing special between them, some
 * white space between them, and they name an existing file; otherwise a
 * leading quote and the last one are removed.  Commands chain with &,
 * && (on success) and || (on failure), as npm's and yarn's scripts use
 * them ("echo \"Error: no test specified\" && exit 1"); echo and exit
 * are built in.  Not yet: other built-in commands, batch files, pipes
 * (they fail with exit status 1 and a message).  The error level (the
 * last program's exit code; echo leaves it) is cmd's exit code.
 */
#include <windows.h>

#define LINE_MAX_CHARS 32768
#define NOT_RECOGNIZED 9009

static WCHAR line[LINE_MAX_CHARS], segment[LINE_MAX_CHARS], program[LINE_MAX_CHARS];
static WCHAR target[MAX_PATH];

static void say(const char *text)
{
	DWORD n;

	WriteFile(GetStdHandle(STD_ERROR_HANDLE), text, lstrlenA(text), &n, NULL);
}

static const WCHAR *skip_blanks(const WCHAR *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* Past the program name at the start of the command line. */
static const WCHAR *skip_argv0(const WCHAR *p)
{
	if (*p == '"') {
		for (p++; *p && *p != '"'; p++)
			;
		return *p ? p + 1 : p;
	}
	while (*p && *p != ' ' && *p != '\t')
		p++;
	return p;
}

/* The switches before the command: whether /s was among them; *command
 * where the command starts, NULL without /c or /k. */
static BOOL read_switches(const WCHAR *p, const WCHAR **command)
{
	BOOL s = FALSE;

	*command = NULL;
	for (p = skip_blanks(p); p[0] == '/' && p[1]; p = skip_blanks(p + 2)) {
		WCHAR c = p[1] | 0x20;

		if (c == 's')
			s = TRUE;
		else if (c == 'c' || c == 'k') {
			*command = skip_blanks(p + 2);
			break;
		}
	}
	return s;
}

static BOOL is_special(WCHAR c)
{
	return c == '&' || c == '<' || c == '>' || c == '(' || c == ')' || c == '@' || c == '^' ||
	       c == '|';
}

static BOOL is_operator(WCHAR c)
{
	return c == '&' || c == '|' || c == '<' || c == '>';
}

/* The documented rule that keeps the quotes (see the top). */
static BOOL keeps_quotes(const WCHAR *cmd, BOOL s_switch)
{
	const WCHAR *first = NULL, *second = NULL;
	BOOL blank = FALSE;
	int quotes = 0;
	DWORD len;

	for (const WCHAR *p = cmd; *p; p++)
		if (*p == '"' && ++quotes == 1)
			first = p;
		else if (*p == '"' && quotes == 2)
			second = p;
	if (s_switch || quotes != 2)
		return FALSE;
	for (const WCHAR *p = first + 1; p < second; p++) {
		if (is_special(*p))
			return FALSE;
		blank |= *p == ' ' || *p == '\t';
	}
	len = (DWORD)(second - first - 1);
	if (!blank || len >= MAX_PATH)
		return FALSE;
	lstrcpynW(target, first + 1, (int)len + 1);
	return GetFileAttributesW(target) != INVALID_FILE_ATTRIBUTES;
}

/* The command with cmd's outer quotes removed, into line. */
static void unquote(const WCHAR *cmd, BOOL s_switch)
{
	const WCHAR *last = NULL;
	WCHAR *o = line;

	if (*cmd != '"' || keeps_quotes(cmd, s_switch)) {
		lstrcpynW(line, cmd, LINE_MAX_CHARS);
		return;
	}
	for (const WCHAR *p = cmd + 1; *p; p++)
		if (*p == '"')
			last = p;
	for (const WCHAR *p = cmd + 1; *p && o < line + LINE_MAX_CHARS - 1; p++)
		if (p != last)
			*o++ = *p;
	*o = 0;
}

/* The standard handles the program gets (opened ones inheritable). */
static HANDLE std[3];

static HANDLE open_target(const WCHAR *name, WCHAR op, BOOL append)
{
	SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
	HANDLE h;

	if (op == '<')
		return CreateFileW(name, GENERIC_READ, FILE_SHARE_READ | FILE_SHARE_WRITE, &sa,
				   OPEN_EXISTING, 0, NULL);
	h = CreateFileW(name, append ? FILE_APPEND_DATA : GENERIC_WRITE,
			FILE_SHARE_READ | FILE_SHARE_WRITE, &sa,
			append ? OPEN_ALWAYS : CREATE_ALWAYS, 0, NULL);
	return h;
}

/* One word after a redirection (quoted or up to a blank or operator)
 * into target; past it. */
static const WCHAR *read_word(const WCHAR *p)
{
	WCHAR *o = target;
	BOOL quoted = FALSE;

	for (p = skip_blanks(p); *p && o < target + MAX_PATH - 1; p++) {
		if (*p == '"') {
			quoted = !quoted;
			continue;
		}
		if (!quoted && (*p == ' ' || *p == '\t' || is_special(*p)))
			break;
		*o++ = *p;
	}
	*o = 0;
	return p;
}

/* The redirection at p (fd n, op '<' or '>'): applied; past it, or NULL
 * when it cannot be. */
static const WCHAR *redirect(const WCHAR *p, int n, WCHAR op)
{
	BOOL append = op == '>' && p[1] == '>';
	HANDLE h;

	p += append ? 2 : 1;
	if (*p == '&' && p[1] >= '0' && p[1] <= '2') {
		std[n] = std[p[1] - '0'];
		return p + 2;
	}
	p = read_word(p);
	if (!target[0] || (h = open_target(target, op, append)) == INVALID_HANDLE_VALUE)
		return NULL;
	if (append)
		SetFilePointer(h, 0, NULL, FILE_END);
	std[n] = h;
	return p;
}

/* segment without its redirections and leading blanks (a program's
 * command line starts with its name) into program; FALSE (said why) when
 * a redirection fails. */
static BOOL split_redirections(void)
{
	const WCHAR *start = skip_blanks(segment);
	WCHAR *o = program;
	BOOL quoted = FALSE;

	for (const WCHAR *p = start; *p;) {
		BOOL fd_digit = *p >= '0' && *p <= '2' && (p[1] == '>' || p[1] == '<') &&
				(p == start || p[-1] == ' ' || p[-1] == '\t');

		if (*p == '"')
			quoted = !quoted;
		if (!quoted && *p == '^' && p[1]) { /* the escape: the next character as is */
			*o++ = p[1];
			p += 2;
			continue;
		}
		if (quoted || !(fd_digit || is_operator(*p))) {
			*o++ = *p++;
			continue;
		}
		if (!(p = fd_digit ? redirect(p + 1, p[0] - '0', p[1])
				   : redirect(p, *p == '<' ? 0 : 1, *p))) {
			say("The system cannot find the file specified.\r\n");
			return FALSE;
		}
	}
	*o = 0; /* blanks before a redirection stay: echo writes them */
	return TRUE;
}

enum chain { CHAIN_END, CHAIN_ALWAYS, CHAIN_AND, CHAIN_OR, CHAIN_PIPE };

/* The command at *at up to the next unquoted, unescaped &, && or ||
 * into segment; the operator after it; *at past the operator. */
static enum chain next_command(const WCHAR **at)
{
	const WCHAR *p = *at;
	WCHAR *o = segment;
	BOOL quoted = FALSE;
	enum chain op = CHAIN_END;

	for (; *p && o < segment + LINE_MAX_CHARS - 2; p++) {
		if (*p == '"')
			quoted = !quoted;
		if (!quoted && *p == '^' && p[1]) {
			*o++ = *p++;
			*o++ = *p;
			continue;
		}
		if (!quoted && (*p == '&' || *p == '|') && !(p > *at && p[-1] == '>')) {
			if (*p == '&')
				op = p[1] == '&' ? CHAIN_AND : CHAIN_ALWAYS;
			else
				op = p[1] == '|' ? CHAIN_OR : CHAIN_PIPE;
			p += op == CHAIN_AND || op == CHAIN_OR ? 2 : 1;
			break;
		}
		*o++ = *p;
	}
	*o = 0;
	*at = p;
	return op;
}

/* program's first word is name (a built-in command): the text after
 * it, past the one character that ends the name. */
static const WCHAR *builtin(const WCHAR *name)
{
	const WCHAR *p = skip_blanks(program);
	int n = lstrlenW(name);

	if (lstrlenW(p) < n || CompareStringOrdinal(p, n, name, n, TRUE) != CSTR_EQUAL)
		return NULL;
	p += n;
	if (!*p)
		return p;
	return *p == ' ' || *p == '\t' || *p == '.' || *p == ':' || *p == ';' ? p + 1 : NULL;
}

/* echo TEXT writes TEXT as it is, blanks included; "echo." an empty
 * line; a bare "echo" the echo state.  It succeeds, and leaves the
 * error level as it was. */
static void echo(const WCHAR *text, BOOL dot)
{
	static char out[3 * LINE_MAX_CHARS];
	DWORD n;
	int len;

	if (!dot && !*skip_blanks(text))
		text = L"ECHO is on.";
	len = WideCharToMultiByte(GetConsoleOutputCP(), 0, text, -1, out, sizeof(out) - 2, NULL,
				  NULL);
	len = len > 0 ? len - 1 : 0;
	out[len++] = '\r';
	out[len++] = '\n';
	WriteFile(std[1], out, len, &n, NULL);
}

/* exit [/b] [CODE]: cmd ends with CODE (0 without). */
static void exit_command(const WCHAR *args)
{
	UINT code = 0;

	args = skip_blanks(args);
	if (args[0] == '/' && (args[1] | 0x20) == 'b' && (!args[2] || args[2] == ' '))
		args = skip_blanks(args + 2);
	for (; *args >= '0' && *args <= '9'; args++)
		code = code * 10 + (*args - '0');
	ExitProcess(code);
}

/* h as a handle the child inherits (cmd's own standard handles may not
 * be inheritable: a copy that is). */
static HANDLE inheritable(HANDLE h)
{
	HANDLE dup;
	DWORD flags;

	if (!h || h == INVALID_HANDLE_VALUE || !GetHandleInformation(h, &flags) ||
	    (flags & HANDLE_FLAG_INHERIT))
		return h;
	if (!DuplicateHandle(GetCurrentProcess(), h, GetCurrentProcess(), &dup, 0, TRUE,
			     DUPLICATE_SAME_ACCESS))
		return h;
	return dup;
}

static DWORD run(void)
{
	STARTUPINFOW si = { sizeof(si) };
	PROCESS_INFORMATION pi;
	DWORD code = 1;

	si.dwFlags = STARTF_USESTDHANDLES;
	si.hStdInput = inheritable(std[0]);
	si.hStdOutput = inheritable(std[1]);
	si.hStdError = inheritable(std[2]);
	if (!CreateProcessW(NULL, program, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi)) {
		DWORD e = GetLastError();

		if (e != ERROR_FILE_NOT_FOUND && e != ERROR_PATH_NOT_FOUND)
			return 1;
		say("the command is not recognized as an internal or external command,\r\n"
		    "operable program or batch file.\r\n");
		return NOT_RECOGNIZED;
	}
	WaitForSingleObject(pi.hProcess, INFINITE);
	GetExitCodeProcess(pi.hProcess, &code);
	CloseHandle(pi.hThread);
	CloseHandle(pi.hProcess);
	return code;
}

/* One command of the chain (in segment): whether it succeeded, which
 * && and || look at; *level, the error level, is a program's exit code
 * (cmd's own at the end). */
static BOOL run_command(DWORD *level)
{
	const WCHAR *args;

	for (int i = 0; i < 3; i++)
		std[i] = GetStdHandle(STD_INPUT_HANDLE - (DWORD)i);
	if (!split_redirections()) {
		*level = 1;
		return FALSE;
	}
	if (!*skip_blanks(program))
		return TRUE;
	if ((args = builtin(L"echo"))) {
		echo(args, args[-1] == '.');
		return TRUE;
	}
	if ((args = builtin(L"exit")))
		exit_command(args);
	*level = run();
	return *level == 0;
}

void entry(void)
{
	const WCHAR *command, *at;
	BOOL s_switch = read_switches(skip_argv0(GetCommandLineW()), &command);
	enum chain op = CHAIN_ALWAYS;
	DWORD level = 0;
	BOOL ok = TRUE;

	if (!command) {
		say("cmd: only cmd /c COMMAND is supported\r\n");
		ExitProcess(1);
	}
	unquote(command, s_switch);
	for (at = line; op != CHAIN_END;) {
		BOOL skip = (op == CHAIN_AND && !ok) || (op == CHAIN_OR && ok);

		op = next_command(&at);
		if (op == CHAIN_PIPE) {
			say("cmd: pipes are not supported yet\r\n");
			ExitProcess(1);
		}
		if (!skip)
			ok = run_command(&level);
	}
	ExitProcess(level);
}
