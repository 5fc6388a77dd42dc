/* test_solver_quote.c - a placeholder inside the script of `sh -c SCRIPT`
 * (exec/solver_io.c, sp_solver_argv) is quoted for the place where it lands,
 * so that a profile named $(touch x) in a catalogue stays a name. The attack:
 * every command below runs for real, with profile names that would create a
 * bystander file in a private directory if the shell read them as code; the
 * checks are that the script prints the name exactly and that the file never
 * appears. Names made of plain characters and words outside a shell script
 * are left as they are. */
#define _POSIX_C_SOURCE 200809L
#include "harness.h"
#include "solver_io.h"

#include <spawn.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static char S_dir[] = "/tmp/sp-quote-XXXXXX", S_pwned[32];

/* Run argv; its standard output into out; the exit status, -1 if it could not run. */
static int run(char **argv, char *out, size_t size)
{
	int fd[2];
	if (pipe(fd) != 0)
		return -1;
	posix_spawn_file_actions_t fa;
	posix_spawn_file_actions_init(&fa);
	posix_spawn_file_actions_adddup2(&fa, fd[1], 1);
	posix_spawn_file_actions_addclose(&fa, fd[0]);
	pid_t pid;
	int e = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	close(fd[1]);
	size_t n = 0;
	ssize_t got;
	while (e == 0 && (got = read(fd[0], out + n, size - 1 - n)) > 0)
		n += (size_t)got;
	out[n] = '\0';
	close(fd[0]);
	int status;
	if (e != 0 || waitpid(pid, &status, 0) != pid)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

static int pwned(void)
{
	struct stat sb;
	return stat(S_pwned, &sb) == 0;
}

static char S_names[1][SP_NAME_MAX];

/* The argv of command for a study whose one profile is named name. */
static int argv_for(const char *command, const char *name, char ***argv, sp_err_t *err)
{
	static sp_study_t st;
	static sp_case_t c;
	snprintf(S_names[0], sizeof S_names[0], "%s", name);
	st.profiles = S_names;
	st.n_profiles = 1;
	st.top_of_wall_m = 3.0;
	c.profile = 0;
	c.id = 41;
	c.length_m = 12.5;
	sp_solver_job_t job = {&st, &c, "/usr/bin/sheetpile", "/study.ini", "/w", "/w/in.txt", "/w/out.txt", 0.0};
	return sp_solver_argv(&job, command, argv, err);
}

/* Run command with the profile name; its output must be want. */
static void check(const char *command, const char *name, const char *want, const char *what)
{
	char **argv = NULL, out[4096], label[512];
	sp_err_t err = {0, ""};
	int rc = argv_for(command, name, &argv, &err);
	snprintf(label, sizeof label, "%s: %s", what, command);
	INT_EQ(rc, SP_OK, label);
	if (rc == SP_OK) {
		INT_EQ(run(argv, out, sizeof out), 0, label);
		if (strcmp(out, want) != 0)
			printf("  got '%s', want '%s'\n", out, want);
		OK(strcmp(out, want) == 0, label);
	}
	OK(!pwned(), label);
	remove(S_pwned);
	sp_solver_argv_free(argv);
}

int main(void)
{
	if (mkdtemp(S_dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(S_pwned, sizeof S_pwned, "%s/pwned", S_dir);
	char v[5][SP_NAME_MAX];
	snprintf(v[0], sizeof v[0], "$(touch %s)", S_pwned);
	snprintf(v[1], sizeof v[1], "`touch %s`", S_pwned);
	snprintf(v[2], sizeof v[2], "a'b\"c\\d;touch %s;'", S_pwned);
	snprintf(v[3], sizeof v[3], "x\\'$(touch %s)", S_pwned);
	snprintf(v[4], sizeof v[4], "AZ 18-700");
	int bash = access("/bin/bash", X_OK) == 0 || access("/usr/bin/bash", X_OK) == 0;
	for (int i = 0; i < 5; i++) {
		check("sh -c 'printf %s {profile}'", v[i], v[i], "unquoted in the script");
		check("sh -c 'printf %s \"{profile}\"'", v[i], v[i], "inside \"...\"");
		check("sh -c \"printf %s '{profile}'\"", v[i], v[i], "inside '...'");
		check("sh -c 'printf %s \"$(printf %s {profile})\"'", v[i], v[i], "inside \"$(...)\"");
		check("sh -c 'printf %s \"$(printf %s \"{profile}\")\"'", v[i], v[i], "inside \"$(\"...\")\"");
		check("sh -c '(printf %s {profile})'", v[i], v[i], "inside (...)");
		check("sh -ec 'printf %s {profile}'", v[i], v[i], "sh -ec");
		char want[512];
		snprintf(want, sizeof want, "x%sy", v[i]);
		check("/bin/sh -c 'printf %s x{profile}y'", v[i], want, "inside a word");
		if (bash) {
			check("bash -o pipefail -c 'printf %s {profile}'", v[i], v[i], "bash -o pipefail -c");
			check("bash -c \"printf %s $'{profile}'\"", v[i], v[i], "inside $'...' (bash)");
		}
		snprintf(want, sizeof want, "\\%s", v[i]);
		check("sh -c 'printf %s \\{profile}'", v[i], want, "after a backslash");
		check("sh -c 'printf %s \\\\{profile}'", v[i], want, "after an escaped backslash");
		check("sh -c 'printf %s ${profile} >/dev/null'", v[i], "", "after a $");
	}

	/* inside `...` a name with shell characters is refused, a plain one is not */
	char **argv = NULL;
	sp_err_t err = {0, ""};
	INT_EQ(argv_for("sh -c 'printf %s `printf %s {profile}`'", v[0], &argv, &err), SP_EDATA, "`...`: refused");
	OK(strstr(err.text, "use $(...)") != NULL, "`...`: the message says what to do instead");
	check("sh -c 'printf %s `printf %s {profile}`'", "AZ_18-700", "AZ_18-700", "`...` with a plain name");
	/* numbers and plain names are not quoted: arithmetic still works */
	check("sh -c 'printf %s $(( {analysis_id} + 1 ))'", v[4], "42", "a number in $((...))");
	/* outside a shell script nothing is quoted: the words reach the program as they are */
	static const struct {
		const char *command, *what;
		int word; /* the profile's word */
	} plain[] = {{"printf %s {profile}", "no shell", 2},
	             {"sh script.sh -x {profile}", "sh without -c", 3},
	             {"sh -c 'printf %s \"$1\"' sh {profile}", "an argument after the script ($1)", 4},
	             {"solver -config {profile}", "a -c... option of another program", 2}};
	for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
		INT_EQ(argv_for(plain[i].command, v[0], &argv, &err), SP_OK, plain[i].what);
		OK(argv && strcmp(argv[plain[i].word], v[0]) == 0, plain[i].what);
		sp_solver_argv_free(argv);
	}
	rmdir(S_dir);
	return sp_test_done("test_solver_quote");
}
