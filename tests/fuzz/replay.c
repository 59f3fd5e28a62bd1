/*
 * replay.c: run a fuzz harness over files and directories of inputs, for
 * make check without libFuzzer.  Exit 0 when every input ran (a crash or a
 * sanitizer report ends the process instead).
 * usage: replay-TARGET FILE|DIR...
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int
run_file(const char *path)
{
	FILE		*fp = fopen(path, "rb");
	unsigned char	*buf = NULL;
	size_t		 n = 0, cap = 0, got;

	if (fp == NULL) {
		perror(path);
		return -1;
	}
	do {
		if (n == cap) {
			unsigned char	*t = realloc(buf, cap = cap ? 2 * cap :
					    65536);

			if (t == NULL) {
				fclose(fp);
				free(buf);
				return -1;
			}
			buf = t;
		}
		got = fread(buf + n, 1, cap - n, fp);
		n += got;
	} while (got > 0);
	fclose(fp);
	LLVMFuzzerTestOneInput(buf, n);
	free(buf);
	return 0;
}

int
main(int argc, char *argv[])
{
	int	i, n = 0, bad = 0;

	for (i = 1; i < argc; i++) {
		struct stat	st;
		DIR		*d;
		struct dirent	*de;

		if (stat(argv[i], &st) == -1) {
			perror(argv[i]);
			return 2;
		}
		if (!S_ISDIR(st.st_mode)) {
			bad |= run_file(argv[i]);
			n++;
			continue;
		}
		if ((d = opendir(argv[i])) == NULL) {
			perror(argv[i]);
			return 2;
		}
		while ((de = readdir(d)) != NULL) {
			char	p[4096];

			if (de->d_name[0] == '.')
				continue;
			snprintf(p, sizeof p, "%s/%s", argv[i], de->d_name);
			bad |= run_file(p);
			n++;
		}
		closedir(d);
	}
	printf("%s: %d inputs\n", argv[0], n);
	return bad ? 2 : 0;
}
