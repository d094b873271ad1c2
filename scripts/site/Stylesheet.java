package site;

/** The site's one stylesheet: small, no web fonts, no remote assets. */
final class Stylesheet {
    private Stylesheet() {}

    static final String CSS = """
            body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: #1d232a; margin: 0; background: #fff; }
            #header, #content, #footnotes, #footer { max-width: 58rem; margin: 0 auto; padding: 0 1.25rem; }
            body.toc2 { padding-left: 17rem; }
            #toc.toc2 { position: fixed; left: 0; top: 0; bottom: 0; width: 15rem; overflow: auto; padding: 1rem; background: #f5f7f9; border-right: 1px solid #dde3e8; font-size: .9rem; }
            #toc ul { list-style: none; padding-left: .8rem; margin: .2rem 0; }
            #toctitle { font-weight: 600; margin-bottom: .5rem; }
            h1, h2, h3 { line-height: 1.25; color: #17324d; }
            h1 { font-size: 2rem; margin: 1.5rem 0 1rem; }
            h2 { font-size: 1.45rem; margin-top: 2rem; border-bottom: 1px solid #e3e8ec; padding-bottom: .25rem; }
            a { color: #1a5fb4; }
            code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .92em; background: #f2f4f6; padding: 0 .2em; border-radius: 3px; }
            pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .85rem; line-height: 1.4; overflow-x: auto; padding: .8rem 1rem; border-radius: 6px; background: #f6f8fa; border: 1px solid #e1e4e8; }
            pre code { background: none; padding: 0; }
            .listingblock .title, .exampleblock .title { font-style: italic; color: #4a5560; margin: .8rem 0 .3rem; }
            pre.console { background: #14191f; color: #d8dee4; border: 0; white-space: pre-wrap; word-break: break-word; }
            pre.console .prompt { color: #8fd18f; user-select: none; }
            pre.console .cmd { color: #ffffff; font-weight: 600; }
            pre.console .err { color: #f0c674; }
            pre.console .out { color: #e6edf3; }
            button.copy { float: right; font: 12px system-ui, sans-serif; background: #2d3640; color: #e6edf3; border: 1px solid #47525e; border-radius: 4px; padding: .1rem .5rem; cursor: pointer; }
            .run.expected-failure pre.console { border-left: 5px solid #e0a030; }
            .run .provenance { font-size: .78rem; color: #5c6670; margin: -.5rem 0 1rem; }
            sup.how { font-size: .62rem; margin-left: .1rem; }
            #content p, #content p a, #content p code, #content li code, #content td code, #content h3 { overflow-wrap: anywhere; }
            sup.how a { color: #4a5560; text-decoration: none; border-bottom: 1px dotted #8a96a2; }
            sup.how a:hover { color: #1a5fb4; }
            .run-note { font-size: .85rem; color: #4a5560; border-left: 3px solid #c8d1da; padding: .2rem .7rem; margin: 1rem 0 .5rem; } .run-note p, .run-note ul { margin: .2rem 0; }
            .typed pre.console { background: #0f2a17; } .typed .typed-cmd { color: #ffffff; font-weight: 600; }
            .typed-label, .recorded-label { font-size: .8rem; font-weight: 600; color: #3a4a56; margin: .6rem 0 .2rem; } .typed-hint { font-size: .78rem; color: #5c6670; margin: -.6rem 0 .8rem; }
            pre.console .machine-opt { opacity: .45; text-decoration: line-through; }
            .run .one-version, .run .as-user, .run .served-room { font-size: .85rem; font-weight: 600; color: #6b4a00; background: #fff6dc; border-left: 3px solid #e0b040; padding: .2rem .6rem; margin: .3rem 0; }
            .run .verified { font-size: .78rem; color: #5c6670; margin: -.8rem 0 1rem; }
            details.other-nix { margin: -.5rem 0 1rem; font-size: .85rem; } details.other-nix summary { cursor: pointer; color: #1a5fb4; }
            figure.picture { margin: 1rem 0 1.5rem; } figure.picture svg { width: 100%; height: auto; max-width: 40rem; display: block; }
            figure.picture text { font: 12px system-ui, sans-serif; fill: #1d232a; } figure.picture .bar { fill: #3d7ab8; } figure.picture .axis { stroke: #8a949e; }
            figure.picture .box { fill: #eef3f8; stroke: #3d7ab8; } figure.picture .box.gone { fill: #fbeaea; stroke: #b00020; stroke-dasharray: 4 3; }
            figure.picture .arrow { stroke: #3d7ab8; stroke-width: 2; } figure.picture .head { fill: #3d7ab8; } figure.picture .cross { stroke: #b00020; stroke-width: 2; }
            figure.picture figcaption { font-size: .85rem; color: #4a5560; margin-top: .3rem; }
            a.skip { position: absolute; left: -999px; top: 0; } a.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: .4rem .8rem; z-index: 10; }
            @media (max-width: 60rem) {
              body.toc2 { padding-left: 0; }
              #toc.toc2 { position: static; width: auto; border-right: 0; border-bottom: 1px solid #dde3e8; }
              #header, #content, #footnotes, #footer, nav.chapter-nav { padding: 0 .8rem; }
              h1 { font-size: 1.6rem; }
              table { display: block; overflow-x: auto; }
            }
            .run-error { color: #b00020; font-weight: 600; }
            .run-broken pre.console { border-left: 5px solid #b00020; }
            .ansi-bold { font-weight: 700; } .ansi-faint { opacity: .7; } .ansi-italic { font-style: italic; } .ansi-underline { text-decoration: underline; }
            .ansi-red, .ansi-bright-red { color: #ff6b6b; } .ansi-green, .ansi-bright-green { color: #8fd18f; } .ansi-yellow, .ansi-bright-yellow { color: #f0c674; }
            .ansi-blue, .ansi-bright-blue { color: #81a2be; } .ansi-magenta, .ansi-bright-magenta { color: #b294bb; } .ansi-cyan, .ansi-bright-cyan { color: #8abeb7; }
            nav.chapter-nav { display: flex; justify-content: space-between; gap: 1rem; max-width: 58rem; margin: 0 auto; padding: .8rem 1.25rem; font-size: .92rem; }
            .admonitionblock { margin: 1rem 0; } .admonitionblock td.icon { font-weight: 700; padding-right: .8rem; vertical-align: top; color: #8a5a00; }
            table { border-collapse: collapse; } th, td { border: 1px solid #dde3e8; padding: .3rem .6rem; text-align: left; vertical-align: top; }
            """;
}
