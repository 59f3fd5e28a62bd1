# The skin readings of the benchmarks: 22 skins (Monk Skin Tone swatches
# and measured skins, pale through dark), repeated to n readings with +-1 of jitter in
# L*, a*, b* so that no two are the same; TSV with a header, D65.
# usage: awk -v n=READINGS -f scripts/bench-skins.awk
BEGIN {
	split("94.2 1.5 5.4 93.1 0.2 14.2 92.3 2.1 7.3 87.6 0.5 17.8 " \
	    "77.9 3.5 23.1 63.0 5.6 14.0 61.9 7.1 17.4 60.9 7.0 15.0 " \
	    "60.6 6.5 16.4 59.6 11.8 14.6 59.2 11.6 15.1 58.0 15.0 21.0 " \
	    "56.8 11.6 17.7 56.4 11.7 16.3 56.1 11.3 16.4 55.1 7.8 26.7 " \
	    "48.0 15.0 20.0 44.0 14.0 19.0 42.5 12.3 20.5 30.7 11.7 13.3 " \
	    "21.1 2.7 6.0 14.6 1.5 3.5", v, " ")
	srand(1)
	printf "file\tregion\tclass\tL\ta\tb\twhite\n"
	for (i = 0; i < n; i++) {
		k = (i % 22) * 3
		printf "r%d\tall\tskin\t%.2f\t%.2f\t%.2f\tD65\n", i,
		    v[k + 1] + 2 * rand() - 1, v[k + 2] + 2 * rand() - 1,
		    v[k + 3] + 2 * rand() - 1
	}
}
