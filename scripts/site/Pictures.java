package site;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nixpylab.Proc;

/**
 * Pictures drawn from recorded runs, never by hand: plain SVG, inline in the page, with a text
 * alternative. The build's phases over time (from a Build transcript's clock lines), the chain from
 * the .nix file to its .drv and its output (from a Build transcript), and the GC-root chain (from a
 * Roots transcript), whole or, after a forced delete, broken.
 */
public final class Pictures {
    private static final Pattern PHASE = Pattern.compile("^\\[(\\d+):(\\d\\d)\\] ([^:]+): (\\w+)$");
    private static final Pattern BUILT_IN = Pattern.compile("^built in (\\d+):(\\d\\d)$");
    private static final Pattern DRV = Pattern.compile("^store derivation: (/nix/store/\\S+\\.drv)$");
    private static final Pattern RESULT = Pattern.compile("^result -> (/nix/store/\\S+)$");
    private static final Pattern ROOT = Pattern.compile("^(\\S+) -> (/nix/store/\\S+)$");

    private Pictures() {}

    /** A phase and when it started, in seconds from the build's start. */
    record Phase(String name, int start) {}

    static List<Phase> phases(Transcript build) {
        List<Phase> out = new ArrayList<>();
        for (Proc.Line l : build.lines()) {
            Matcher m = PHASE.matcher(l.text());
            if (m.matches() && !m.group(4).equals("starting")) {
                int t = Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2));
                if (out.isEmpty() || !out.get(out.size() - 1).name().equals(m.group(4))) out.add(new Phase(m.group(4), t));
            }
        }
        return out;
    }

    static Optional<Integer> total(Transcript build) {
        for (Proc.Line l : build.lines()) {
            Matcher m = BUILT_IN.matcher(l.text().strip());
            if (m.matches()) return Optional.of(Integer.parseInt(m.group(1)) * 60 + Integer.parseInt(m.group(2)));
        }
        return Optional.empty();
    }

    /** The phases of the build as bars along its time; empty when the transcript built nothing. */
    public static Optional<String> buildPhases(Transcript build) {
        List<Phase> ps = phases(build);
        Optional<Integer> total = total(build);
        if (ps.isEmpty() || total.isEmpty()) return Optional.empty();
        int end = Math.max(total.get(), ps.get(ps.size() - 1).start() + 1);
        int w = 640, left = 130, right = 20, row = 26, top = 10;
        double scale = (w - left - right) / (double) end;
        StringBuilder alt = new StringBuilder("The build's phases over its " + clock(end) + ": ");
        StringBuilder svg = new StringBuilder();
        for (int i = 0; i < ps.size(); i++) {
            Phase p = ps.get(i);
            int stop = i + 1 < ps.size() ? ps.get(i + 1).start() : end;
            double x = left + p.start() * scale, bw = Math.max(2, (stop - p.start()) * scale);
            int y = top + i * row;
            svg.append(text(left - 8, y + 15, p.name(), "end"));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"18\" rx=\"3\" class=\"bar\"/>", x, y + 2, bw));
            svg.append(text(Math.min(x + bw + 6, w - 60), y + 15, clock(stop - p.start()), "start"));
            alt.append(p.name()).append(" ").append(clock(stop - p.start())).append(i + 1 < ps.size() ? ", " : ".");
        }
        int h = top + ps.size() * row + 24;
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>", left, h - 20, w - right, h - 20));
        svg.append(text(left, h - 4, "0:00", "start")).append(text(w - right, h - 4, clock(end), "end"));
        return Optional.of(figure("build-phases", w, h, alt.toString(), svg.toString(), "Where the build's time went, read from the clock lines of the run above."));
    }

    /** file.nix → its .drv (nix-instantiate) → the output path (nix-build), from a Build transcript. */
    public static Optional<String> derivationChain(Transcript build) {
        String drv = null, out = null;
        for (Proc.Line l : build.lines()) {
            Matcher d = DRV.matcher(l.text());
            if (d.matches()) drv = d.group(1);
            Matcher r = RESULT.matcher(l.text());
            if (r.matches()) out = r.group(1);
        }
        if (drv == null || out == null || build.nixFileName().isEmpty()) return Optional.empty();
        String[] boxes = {build.nixFileName(), shortPath(drv), shortPath(out)};
        String[] how = {"nix-instantiate: evaluate", "nix-build: run the builder"};
        String alt = build.nixFileName() + " evaluates to the store derivation " + drv + ", which builds the output " + out + ".";
        return Optional.of(chain("derivation-chain", boxes, how, alt, "The file is evaluated into a .drv; building the .drv makes the output. Both names come from the run above.", -1));
    }

    /** The GC-root chain: the registration under gcroots/auto, the workspace's link, the store path (the path's end crossed when deleted). */
    public static Optional<String> rootChain(Transcript roots, boolean deleted) {
        for (Proc.Line l : roots.lines()) {
            Matcher m = ROOT.matcher(l.text());
            if (m.matches() && !l.stderr()) {
                String[] boxes = {"/nix/var/nix/gcroots/auto/…", m.group(1), shortPath(m.group(2))};
                String[] how = {"points to", "points to"};
                String alt = deleted
                        ? "After the forced delete: the registration under /nix/var/nix/gcroots/auto still names " + m.group(1) + ", but the store path " + m.group(2) + " is gone, so the link dangles (the step removes it)."
                        : "Nix keeps " + m.group(2) + " alive because " + m.group(1) + " points to it, and " + m.group(1) + " is registered as a root under /nix/var/nix/gcroots/auto.";
                String caption = deleted ? "What --ignore-liveness breaks: the chain ends in nothing." : "Why the build is alive: a chain of links from Nix's roots to the store path, as Roots found it above.";
                return Optional.of(chain(deleted ? "root-chain-broken" : "root-chain", boxes, how, alt, caption, deleted ? 2 : -1));
            }
        }
        return Optional.empty();
    }

    private static String chain(String id, String[] boxes, String[] how, String alt, String caption, int crossed) {
        int w = 640, bw = 180, gap = (w - boxes.length * bw) / (boxes.length - 1), h = 84;
        StringBuilder svg = new StringBuilder();
        for (int i = 0; i < boxes.length; i++) {
            int x = i * (bw + gap);
            svg.append(String.format("<rect x=\"%d\" y=\"22\" width=\"%d\" height=\"40\" rx=\"6\" class=\"%s\"/>", x, bw, i == crossed ? "box gone" : "box"));
            svg.append(text(x + bw / 2.0, 47, boxes[i], "middle"));
            if (i == crossed) svg.append(String.format("<line x1=\"%d\" y1=\"24\" x2=\"%d\" y2=\"60\" class=\"cross\"/><line x1=\"%d\" y1=\"60\" x2=\"%d\" y2=\"24\" class=\"cross\"/>", x + 4, x + bw - 4, x + 4, x + bw - 4));
            if (i + 1 < boxes.length) {
                int ax = x + bw;
                svg.append(String.format("<line x1=\"%d\" y1=\"42\" x2=\"%d\" y2=\"42\" class=\"arrow\" marker-end=\"url(#%s-head)\"/>", ax + 4, ax + gap - 6, id));
                svg.append(text(ax + gap / 2.0, 16, how[i], "middle"));
            }
        }
        String defs = "<defs><marker id=\"" + id + "-head\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" class=\"head\"/></marker></defs>";
        return figure(id, w, h, alt, defs + svg, caption);
    }

    private static String figure(String id, int w, int h, String alt, String body, String caption) {
        return "<figure class=\"picture " + id + "\"><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + w + " " + h + "\" role=\"img\" aria-labelledby=\"" + id + "-t\">"
                + "<title id=\"" + id + "-t\">" + AnsiHtml.escape(alt) + "</title>" + body + "</svg><figcaption>" + AnsiHtml.escape(caption) + "</figcaption></figure>\n";
    }

    private static String text(double x, double y, String s, String anchor) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">%s</text>", x, y, anchor, AnsiHtml.escape(s));
    }

    /** /nix/store/9rg0…-chrism-py311: short enough for a box, still a store path. */
    static String shortPath(String p) {
        Matcher m = Pattern.compile("/nix/store/([0-9a-z]{4})[0-9a-z]{28}-(.*)").matcher(p);
        return m.matches() ? "/nix/store/" + m.group(1) + "…-" + m.group(2) : p;
    }

    static String clock(int seconds) {
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
