package testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import nixpylab.Proc;

/**
 * Real headless Chromium driven over the DevTools protocol: load a page, collect console
 * errors, exceptions and failed loads, take a screenshot. Test scaffolding for the site.
 */
public final class HeadlessChromium implements AutoCloseable {
    /** What loading one page showed: problems (empty when clean), a PNG screenshot, every URL it requested. */
    public record PageReport(List<String> problems, byte[] png, List<String> requests) {}

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final ConcurrentHashMap<Integer, CompletableFuture<String>> replies = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();

    public HeadlessChromium() throws Exception {
        profile = Files.createTempDirectory("nixpylab-chromium");
        process = Proc.of("chromium", "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
                "--window-size=1280,900", "--remote-debugging-port=0", "--user-data-dir=" + profile, "about:blank").spawn();
        Path portFile = profile.resolve("DevToolsActivePort");
        long deadline = System.currentTimeMillis() + 30_000;
        while (!Files.exists(portFile) || Files.readAllLines(portFile).isEmpty()) {
            if (System.currentTimeMillis() > deadline || !process.isAlive()) throw new IllegalStateException("Chromium did not start its DevTools endpoint");
            Thread.sleep(100);
        }
        String port = Files.readAllLines(portFile).get(0).strip();
        HttpClient http = HttpClient.newHttpClient();
        String targets = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = Pattern.compile("\"type\":\\s*\"page\"[^}]*?\"webSocketDebuggerUrl\":\\s*\"([^\"]+)\"", Pattern.DOTALL).matcher(targets);
        if (!m.find()) m = Pattern.compile("\"webSocketDebuggerUrl\":\\s*\"(ws://[^\"]+/page/[^\"]+)\"").matcher(targets);
        if (!m.find(0)) throw new IllegalStateException("no page target in " + targets);
        socket = http.newWebSocketBuilder().buildAsync(URI.create(m.group(1)), new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    String msg = partial.toString();
                    partial.setLength(0);
                    Matcher id = Pattern.compile("^\\{\"id\":(\\d+)").matcher(msg);
                    if (id.find() && replies.containsKey(Integer.parseInt(id.group(1)))) replies.remove(Integer.parseInt(id.group(1))).complete(msg);
                    else events.add(msg);
                }
                ws.request(1);
                return null;
            }
        }).get(30, TimeUnit.SECONDS);
        for (String domain : List.of("Page", "Runtime", "Log", "Network")) call(domain + ".enable", "{}");
    }

    public String call(String method, String params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<String> reply = new CompletableFuture<>();
        replies.put(id, reply);
        socket.sendText("{\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + params + "}", true).get(10, TimeUnit.SECONDS);
        return reply.get(60, TimeUnit.SECONDS);
    }

    public PageReport load(Path page) throws Exception {
        events.clear();
        call("Page.navigate", "{\"url\":\"" + page.toUri() + "\"}");
        List<String> problems = new ArrayList<>();
        List<String> requests = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 30_000;
        boolean loaded = false;
        Map<String, String> urls = new HashMap<>();
        Pattern requestId = Pattern.compile("\"requestId\":\"([^\"]+)\"");
        Pattern url = Pattern.compile("\"request\":\\{\"url\":\"([^\"]+)\"");
        while (System.currentTimeMillis() < deadline) {
            String e = events.poll(loaded ? 500 : 1000, TimeUnit.MILLISECONDS);
            if (e == null) {
                if (loaded) break;
                continue;
            }
            if (e.contains("\"method\":\"Network.requestWillBeSent\"")) {
                Matcher i = requestId.matcher(e), u = url.matcher(e);
                if (i.find() && u.find()) {
                    urls.put(i.group(1), u.group(1));
                    requests.add(u.group(1));
                }
            } else if (e.contains("\"method\":\"Page.loadEventFired\"")) loaded = true;
            else if (e.contains("\"method\":\"Runtime.exceptionThrown\"")) problems.add("exception: " + snippet(e));
            else if (e.contains("\"method\":\"Runtime.consoleAPICalled\"") && e.contains("\"type\":\"error\"")) problems.add("console error: " + snippet(e));
            else if (e.contains("\"method\":\"Log.entryAdded\"") && e.contains("\"level\":\"error\"")) problems.add("log error: " + snippet(e));
            else if (e.contains("\"method\":\"Network.loadingFailed\"")) {
                Matcher i = requestId.matcher(e);
                problems.add("failed load of " + (i.find() ? urls.getOrDefault(i.group(1), "?") : "?") + ": " + snippet(e));
            }
        }
        if (!loaded) problems.add("the page did not finish loading");
        String shot = call("Page.captureScreenshot", "{\"format\":\"png\",\"captureBeyondViewport\":false}");
        Matcher d = Pattern.compile("\"data\":\"([^\"]+)\"").matcher(shot);
        byte[] png = d.find() ? Base64.getDecoder().decode(d.group(1)) : new byte[0];
        return new PageReport(problems, png, requests);
    }

    /** The window as a device of this width sees it (a phone is 390 px wide; mobile below 600). */
    public void viewport(int width, int height) throws Exception {
        call("Emulation.setDeviceMetricsOverride", "{\"width\":" + width + ",\"height\":" + height + ",\"deviceScaleFactor\":1,\"mobile\":" + (width < 600) + "}");
    }

    /**
     * What reaches past the window's right edge on the loaded page: the page itself wider than the
     * window, or an element (not inside a box that scrolls or clips, as code listings do) whose
     * box or text goes past it. Empty when everything fits.
     */
    public List<String> overflow() throws Exception {
        String js = """
                (() => {
                  const W = document.documentElement.clientWidth, out = [];
                  if (document.documentElement.scrollWidth > W + 1) out.push('the page is ' + document.documentElement.scrollWidth + ' px wide in a ' + W + ' px window');
                  const clipped = el => { for (let p = el.parentElement; p; p = p.parentElement) { if (getComputedStyle(p).overflowX !== 'visible') return true; } return false; };
                  for (const el of document.querySelectorAll('body *')) {
                    const r = el.getBoundingClientRect();
                    if (r.width === 0 || clipped(el)) continue;
                    const cs = getComputedStyle(el);
                    const name = el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className && el.className.baseVal === undefined ? '.' + String(el.className).split(' ')[0] : '');
                    if (r.right > W + 1) out.push(name + ' reaches ' + Math.round(r.right) + ' px');
                    else if (cs.overflowX === 'visible' && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) out.push(name + ' holds ' + el.scrollWidth + ' px of content in ' + el.clientWidth + ' px');
                  }
                  return out.slice(0, 12).join(' | ').replace(/["\\\\]/g, ' ');
                })()""";
        String reply = call("Runtime.evaluate", "{\"expression\":" + jsonString(js) + ",\"returnByValue\":true}");
        Matcher v = Pattern.compile("\"value\":\"([^\"]*)\"").matcher(reply);
        if (!v.find()) throw new IllegalStateException("no answer to the overflow check: " + snippet(reply));
        return v.group(1).isEmpty() ? List.of() : List.of(v.group(1).split(" \\| "));
    }

    private static String jsonString(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** Distinct colours in a screenshot: a blank page has one or two. */
    public static int distinctColours(byte[] png) throws IOException {
        var img = ImageIO.read(new ByteArrayInputStream(png));
        if (img == null) return 0;
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) for (int x = 0; x < img.getWidth(); x += 2) colours.add(img.getRGB(x, y));
        return colours.size();
    }

    private static String snippet(String e) {
        return e.length() > 2000 ? e.substring(0, 2000) + "…" : e;
    }

    @Override
    public void close() {
        socket.abort();
        Proc.halt(process);
        Proc.of("rm", "-rf", profile.toString()).run();
    }
}
