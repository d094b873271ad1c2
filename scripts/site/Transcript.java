package site;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import nixpylab.Proc;
import nixpylab.UserError;
import nixpylab.nix.NixHash;

/**
 * One real run of a step script as a chapter shows it: the command as typed, its output in the
 * order a terminal shows it (each line marked out or err), its exit code, and its provenance: the
 * key it was recorded for, which Nix (version, system, sandbox) and profile, when, how long, the
 * .drv the workspace held after it, notes about how Nix ran (said once per page), and the
 * workspace's derivation file as the run left it.
 * <p>
 * Kept as text a reviewer reads in a diff: "name: value" lines, then "output:" with one line per
 * output line ("out | …", "err | …"), then the derivation file as it is. The first lines carry a
 * sha256 of the rest, so that an edit by hand is noticed.
 */
public record Transcript(String chapter, int block, List<String> command, int exitCode, String key, String nixVersion, String system, String sandbox,
                         String profile, String date, long wallMillis, String drv, List<String> notes, List<Proc.Line> lines, String nixFileName, String nixText) {

    private static final String HEADER = "# A real run of a NixPy Lab step, recorded by ./jbang scripts/Site.java (--refresh records it again, --check compares).\n"
            + "# Do not edit by hand: the sha256 below covers everything after it.\n";

    /** This transcript with one note more: what the recorder did around the run, such as the room it served. */
    public Transcript withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new Transcript(chapter, block, command, exitCode, key, nixVersion, system, sandbox, profile, date, wallMillis, drv, List.copyOf(more), lines, nixFileName, nixText);
    }

    public String text() {
        StringBuilder body = new StringBuilder();
        field(body, "chapter", chapter);
        field(body, "block", Integer.toString(block));
        field(body, "command", String.join(" ", command));
        field(body, "exit", Integer.toString(exitCode));
        field(body, "key", key);
        field(body, "nix", nixVersion);
        field(body, "system", system);
        field(body, "sandbox", sandbox);
        field(body, "profile", profile);
        field(body, "date", date);
        field(body, "wall-ms", Long.toString(wallMillis));
        field(body, "drv", drv);
        for (String n : notes) field(body, "note", n);
        field(body, "nix-file", nixFileName);
        body.append("\noutput:\n");
        for (Proc.Line l : lines) body.append(l.stderr() ? "err | " : "out | ").append(l.text()).append('\n');
        if (!nixText.isEmpty()) body.append("\nnix-file-text:\n").append(nixText);
        String b = body.toString();
        return HEADER + "sha256: " + digest(b) + "\n" + b;
    }

    private static void field(StringBuilder sb, String name, String value) {
        sb.append(name).append(": ").append(value == null ? "" : value.replace("\n", " ")).append('\n');
    }

    static String digest(String body) {
        return NixHash.of(body.getBytes(StandardCharsets.UTF_8)).base16();
    }

    /** Reads a transcript; one whose sha256 does not match what follows it was edited by hand, and is refused. */
    public static Transcript parse(String text, String where) {
        String[] parts = text.split("\n", -1);
        int i = 0;
        while (i < parts.length && parts[i].startsWith("#")) i++;
        if (i >= parts.length || !parts[i].startsWith("sha256: ")) throw edited(where, "it has no sha256 line");
        String recorded = parts[i].substring("sha256: ".length()).strip();
        String body = String.join("\n", Arrays.asList(parts).subList(i + 1, parts.length));
        if (!digest(body).equals(recorded)) throw edited(where, "its sha256 no longer matches what it holds");
        Map<String, String> f = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        int j = i + 1;
        for (; j < parts.length && !parts[j].isEmpty(); j++) {
            int c = parts[j].indexOf(": ");
            String name = c < 0 ? parts[j].replaceFirst(":$", "") : parts[j].substring(0, c);
            String value = c < 0 ? "" : parts[j].substring(c + 2);
            if (name.equals("note")) notes.add(value);
            else f.put(name, value);
        }
        List<Proc.Line> lines = new ArrayList<>();
        StringBuilder nix = new StringBuilder();
        boolean inOutput = false;
        boolean inNix = false;
        for (j = j + 1; j < parts.length; j++) {
            String l = parts[j];
            if (inNix) {
                nix.append(l).append(j < parts.length - 1 ? "\n" : "");
            } else if (l.equals("output:")) {
                inOutput = true;
            } else if (l.equals("nix-file-text:")) {
                inOutput = false;
                inNix = true;
            } else if (inOutput && (l.startsWith("out | ") || l.startsWith("err | "))) {
                lines.add(new Proc.Line(l.startsWith("err"), l.substring(6)));
            }
        }
        return new Transcript(f.get("chapter"), Integer.parseInt(f.getOrDefault("block", "0")), List.of(f.getOrDefault("command", "").split(" ")),
                Integer.parseInt(f.getOrDefault("exit", "0")), f.get("key"), f.get("nix"), f.get("system"), f.get("sandbox"), f.get("profile"), f.get("date"),
                Long.parseLong(f.getOrDefault("wall-ms", "0")), f.getOrDefault("drv", ""), notes, lines, f.getOrDefault("nix-file", ""), nix.toString());
    }

    private static UserError edited(String where, String why) {
        return new UserError("The transcript " + where + " was edited by hand: " + why + ".",
                "Record it again from a real run: ./jbang scripts/Site.java --refresh (add --nix current for the current Nix's).");
    }

    /** The output as a terminal showed it, one string. */
    public String output() {
        StringBuilder sb = new StringBuilder();
        for (Proc.Line l : lines) sb.append(l.text()).append('\n');
        return sb.toString();
    }

    public Optional<String> derivationFile() {
        return nixText.isEmpty() ? Optional.empty() : Optional.of(nixText);
    }
}
