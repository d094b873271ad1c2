package site;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import nixpylab.AtomicFile;
import nixpylab.Proc;

/**
 * One real run of a step script as a chapter shows it: the command as typed, its output in
 * order (each line tagged stdout or stderr), the exit code, the wall time, and where and when
 * it ran, notes about how it ran (the binary cache), and the workspace's derivation file as the run left it. Stored as a .properties file;
 * inputHash says which inputs produced it.
 */
public record Transcript(String script, List<String> command, int exitCode, List<Proc.Line> lines, List<String> notes, long wallMillis,
                         String nixVersion, String system, String profile, String date, String inputHash,
                         String nixFileName, String nixText) {

    public void save(Path file) {
        Properties p = new Properties();
        p.setProperty("script", script);
        p.setProperty("command", String.join("\u001f", command));
        p.setProperty("exitCode", Integer.toString(exitCode));
        StringBuilder out = new StringBuilder();
        for (Proc.Line l : lines) out.append(l.stderr() ? 'e' : 'o').append(l.text()).append('\n');
        p.setProperty("lines", out.toString());
        p.setProperty("notes", String.join("\n", notes));
        p.setProperty("wallMillis", Long.toString(wallMillis));
        p.setProperty("nixVersion", nixVersion);
        p.setProperty("system", system);
        p.setProperty("profile", profile);
        p.setProperty("date", date);
        p.setProperty("inputHash", inputHash);
        p.setProperty("nixFileName", nixFileName);
        p.setProperty("nixText", nixText);
        try {
            StringWriter w = new StringWriter();
            p.store(w, "NixPy Lab transcript: a real run of scripts/" + script + ".java; re-create with Site.java --refresh");
            AtomicFile.write(file, w.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Transcript load(Path file) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Proc.Line> lines = new ArrayList<>();
        for (String l : p.getProperty("lines", "").split("\n", -1)) {
            if (!l.isEmpty()) lines.add(new Proc.Line(l.charAt(0) == 'e', l.substring(1)));
        }
        String notes = p.getProperty("notes", "");
        return new Transcript(p.getProperty("script"), List.of(p.getProperty("command").split("\u001f")), Integer.parseInt(p.getProperty("exitCode")),
                lines, notes.isEmpty() ? List.of() : List.of(notes.split("\n")), Long.parseLong(p.getProperty("wallMillis")), p.getProperty("nixVersion"), p.getProperty("system"),
                p.getProperty("profile"), p.getProperty("date"), p.getProperty("inputHash"),
                p.getProperty("nixFileName", ""), p.getProperty("nixText", ""));
    }
}
