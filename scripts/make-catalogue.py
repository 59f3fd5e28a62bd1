#!/usr/bin/env python3
"""Generate data/pigments.tsv, the bundled generic SMP pigment catalogue.

usage: scripts/make-catalogue.py > data/pigments.tsv

Every component is an analytic absorption and reduced-scattering spectrum
(cm^-1 of the undiluted ink in the deposit layer, smp-catalogue(5)) sampled
on the 31-band grid 400..700 nm.  The sources, or the word "assumption",
are written into the catalogue next to each number.  The format is in
smp-catalogue(5).
"""
import math

GRID = [400 + 10 * i for i in range(31)]

# Effective in-skin absorption of undiluted carbon ink at 550 nm, derived
# (smp-catalogue(5) "Strength"; smp-model(7) "Ink strength"):
#  1. dose: 2.53 mg/cm^2 of pigment in tattooed skin (Engel et al. 2008,
#     mean; range 0.60-9.42), taken for an SMP dot's area (assumption);
#  2. retention: 0.67 after healing (Baeumler 2015);
#  3. carbon's mass absorption cross-section 7.5 m^2/g at 550 nm (Bond &
#     Bergstrom 2006), dispersed: mu = dose x retention x MAC / thickness
#     over the deposit layer (150 um, smp-model(7)) = 8,476 cm^-1;
#  4. but the particles sit packed in the vacuoles of dermal cells, and a
#     packed absorber shades itself (the package or sieve effect, Duysens
#     1956): spheres of diameter D holding carbon at volume fraction
#     PACKING absorb with efficiency Q(x) = 1 + 2 exp(-x)/x +
#     2 (exp(-x) - 1)/x^2 at x = mu_inside D, and the layer's absorption
#     is 1.5 f Q / D, f the spheres' volume fraction.  D = 5 um and
#     PACKING = 0.3 are assumptions (aggregates of 1-10 um in dermal
#     fibroblasts and macrophages); D from 10 to 2 um spans 314 to 1,522
#     cm^-1, the interval smp-match's uncertainty draws from.
DOSE = 2.53e-3          # g/cm^2
RETENTION = 0.67
MAC = 7.5e4             # cm^2/g at 550 nm
CARBON_DENSITY = 1.8    # g/cm^3
DEPOSIT = 150e-4        # cm
PACKING = 0.3
AGGREGATE = 5e-4        # cm


def packaged(diameter):
    """mu550 of the healed deposit with aggregates of this diameter."""
    phi = DOSE * RETENTION / (CARBON_DENSITY * DEPOSIT)
    f = phi / PACKING
    x = MAC * CARBON_DENSITY * PACKING * diameter
    q = 1 + 2 * math.exp(-x) / x + 2 * (math.exp(-x) - 1) / (x * x)
    return 1.5 * f * q / diameter


MU550 = round(packaged(AGGREGATE))


def logistic(nm, edge, width):
    return 1.0 / (1.0 + math.exp((nm - edge) / width))


def gauss(nm, centre, width):
    return math.exp(-((nm - centre) / width) ** 2)


# Lightfast pigments still fade a little faster in the sun: UV acts on the
# deposit indirectly, through inflammation and cell turnover (assumption).  1e-4/SED is k_UV 0.015/yr at 150 SED, a tenth
# of k_bio (assumption).
INDIRECT_UV = 0.0001
INDIRECT = ("photolability 1e-4/SED: lightfast chemistry, indirect UV "
            "action only (assumption)")

# name, photolability (per SED), heal retention, mua(nm), mus(nm), notes
COMPONENTS = [
    ("carbon-black", INDIRECT_UV, 0.67,
     lambda nm: MU550 * (nm / 550.0) ** -1.0,
     lambda nm: 0.0,
     "mua = mu550 (nm/550)^-1, Angstrom exponent 1: Bond & Bergstrom 2006; "
     "mu550 derived above; no added scattering (assumption); "
     + INDIRECT + "; heal 0.67: Baeumler 2015"),
    ("iron-oxide-black", INDIRECT_UV, 0.67,
     lambda nm: 0.7 * MU550 * (nm / 550.0) ** -0.3,
     lambda nm: 20.0,
     "magnetite (PBk11): nearly flat absorber, exponent 0.3 and 0.7 x "
     "carbon's strength, mus' 20: assumption (USGS magnetite spectra are "
     "dark and flat, USGS Spectral Library v7, Kokaly et al. 2017); " + INDIRECT),
    ("iron-oxide-red", INDIRECT_UV, 0.67,
     lambda nm: 0.07 * MU550 + 0.75 * MU550 * logistic(nm, 565, 18),
     lambda nm: 60.0,
     "hematite (PR101): absorption edge near 565 nm, strong below, weak "
     "above; edge position, width and mus' 60: assumption after the USGS "
     "hematite spectrum (USGS Spectral Library v7); " + INDIRECT),
    ("iron-oxide-yellow", INDIRECT_UV, 0.67,
     lambda nm: 0.03 * MU550 + 0.65 * MU550 * logistic(nm, 490, 20),
     lambda nm: 60.0,
     "goethite (PY42): absorption edge near 490 nm; shape and mus' 60: "
     "assumption after the USGS goethite spectrum (Spectral Library v7); "
     + INDIRECT),
    ("azo-red", 0.002, 0.67,
     lambda nm: 0.02 * MU550 + 0.85 * MU550 * gauss(nm, 530, 40),
     lambda nm: 5.0,
     "naphthol azo red: one absorption band at 530 nm, 40 nm wide: "
     "assumption; photolability 0.002/SED gives k_UV 0.3/yr at 150 SED "
     "(assumption); azo pigments degrade under light "
     "(Hauri & Hohl 2015)"),
    ("azo-yellow", 0.002, 0.67,
     lambda nm: 0.02 * MU550 + 0.85 * MU550 * logistic(nm, 485, 12),
     lambda nm: 5.0,
     "arylide (azo) yellow: absorbs below about 485 nm: assumption; "
     "photolability as azo-red (assumption; Hauri & Hohl 2015)"),
    ("phthalo-blue", 0.0002, 0.67,
     lambda nm: MU550 / 3.0 * (0.05 + 2.5 * gauss(nm, 625, 45)
                               + 1.2 * gauss(nm, 690, 30)),
     lambda nm: 5.0,
     "copper phthalocyanine (PB15:3): bands at 625 and 690 nm, the shape "
     "of its red absorption, scaled to ink strength (assumption); "
     "photolability 0.0002/SED, a tenth of azo: assumption (fairly "
     "photostable, Hauri & Hohl 2015)"),
    ("titanium-white", INDIRECT_UV, 0.67,
     lambda nm: 0.5 + 30.0 * logistic(nm, 405, 5),
     lambda nm: 400.0,
     "rutile (PW6) lightener: strong scatterer, mus' 400, absorbing only at "
     "the band edge near 405 nm: assumption; " + INDIRECT),
]

# name, components, description
PIGMENTS = [
    ("smp-neutral-black", [("carbon-black", 1.0)],
     "carbon black; blue-grey when shallow on light skin (a dark deposit "
     "under scattering tissue); holds its hue as it fades"),
    ("smp-soft-black", [("carbon-black", 0.8), ("iron-oxide-black", 0.2)],
     "carbon with magnetite; slightly softer black; holds its hue as it "
     "fades"),
    ("smp-cool-black", [("carbon-black", 0.92), ("phthalo-blue", 0.08)],
     "carbon with a little phthalocyanine blue; holds its hue as it "
     "fades"),
    ("smp-warm-black", [("carbon-black", 0.8), ("azo-red", 0.1),
                        ("azo-yellow", 0.1)],
     "carbon warmed with azo red and yellow; turns greyer and less red as "
     "its azo fades"),
    ("smp-iron-black", [("iron-oxide-black", 1.0)],
     "magnetite only; holds its hue as it fades"),
    ("smp-espresso", [("carbon-black", 0.6), ("iron-oxide-red", 0.12),
                      ("azo-yellow", 0.25), ("phthalo-blue", 0.03)],
     "very dark brown blend; turns greyer and redder as its azo yellow "
     "fades"),
    ("smp-dark-brown", [("carbon-black", 0.45), ("iron-oxide-red", 0.35),
                        ("iron-oxide-yellow", 0.2)],
     "carbon with iron oxides; lightfast: holds its hue as it fades"),
    ("smp-medium-brown", [("carbon-black", 0.2), ("iron-oxide-red", 0.45),
                          ("iron-oxide-yellow", 0.35)],
     "iron-oxide brown with some carbon; lightfast: holds its hue as it "
     "fades"),
    ("smp-light-brown", [("carbon-black", 0.08), ("iron-oxide-red", 0.3),
                         ("iron-oxide-yellow", 0.47),
                         ("titanium-white", 0.15)],
     "light iron-oxide brown; holds its hue as it fades"),
    ("smp-ash-brown", [("carbon-black", 0.5), ("iron-oxide-black", 0.15),
                       ("iron-oxide-yellow", 0.3), ("phthalo-blue", 0.05)],
     "cool brown; holds its hue as it fades"),
    ("smp-warm-dark-brown", [("carbon-black", 0.55), ("azo-red", 0.2),
                             ("azo-yellow", 0.2), ("phthalo-blue", 0.05)],
     "organic warm brown-black; turns greyer and less red as its azo "
     "fades"),
    ("smp-neutral-grey", [("carbon-black", 0.35), ("titanium-white", 0.65)],
     "carbon lightened with titanium white; holds its hue as it fades"),
    ("smp-cool-grey", [("carbon-black", 0.32), ("phthalo-blue", 0.05),
                       ("titanium-white", 0.63)],
     "cool grey; holds its hue as it fades"),
    ("smp-warm-grey", [("carbon-black", 0.3), ("iron-oxide-red", 0.1),
                       ("titanium-white", 0.6)],
     "warm grey; holds its hue as it fades"),
]


def fmt(v):
    s = "%.6g" % v
    return "0" if s == "-0" else s


def main():
    out = []
    out.append("# smptools bundled pigment catalogue, generated by "
               "scripts/make-catalogue.py; do not edit by hand.")
    out.append("# Format: smp-catalogue(5).  Spectra: cm^-1 of undiluted "
               "ink in the deposit layer, 400..700 nm every 10 nm.")
    out.append("# Strength: mu550 = %g cm^-1 for undiluted carbon, derived "
               "from dose and absorption data (smp-catalogue(5); "
               "interval %d-%d)." % (MU550, round(packaged(10e-4)),
                                    round(packaged(2e-4))))
    out.append("# These are generic shades, not measurements of any "
               "maker's ink.")
    out.append("smp-catalogue\t1")
    head = ["#kind", "name", "photolability", "heal"]
    head += ["mua%d" % nm for nm in GRID] + ["mus%d" % nm for nm in GRID]
    out.append("\t".join(head))
    for name, phot, heal, mua, mus, notes in COMPONENTS:
        out.append("# %s: %s" % (name, notes))
        row = ["component", name, fmt(phot), fmt(heal)]
        row += [fmt(mua(nm)) for nm in GRID] + [fmt(mus(nm)) for nm in GRID]
        out.append("\t".join(row))
    out.append("# Shades: component shares are assumptions chosen to span "
               "neutral, cool and warm blacks and greys, browns, and")
    out.append("# blends with photolabile azo parts.  Each description's "
               "drift is what smp-fade's model shows")
    out.append("# (tests/cli/fade-drift.sh).")
    out.append("\t".join(["#kind", "name", "maker", "components",
                          "description"]))
    for name, mix, desc in PIGMENTS:
        comp = ",".join("%s=%s" % (c, fmt(v)) for c, v in mix)
        out.append("\t".join(["pigment", name, "generic", comp, desc]))
    print("\n".join(out))


if __name__ == "__main__":
    main()
