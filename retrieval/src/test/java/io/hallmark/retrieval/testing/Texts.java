package io.hallmark.retrieval.testing;

/** Small real-prose samples written for these tests. */
public final class Texts {

    private Texts() {}

    public static final String GLACIERS_MD = """
            # Glaciers

            A glacier is a persistent body of dense ice that moves under its own weight. Glaciers form where snow \
            accumulates faster than it melts over many years. The snow is compressed into firn and then into ice.

            ## Retreat

            Most mountain glaciers have been losing mass since the middle of the nineteenth century. Warmer summers \
            melt more ice than winter snowfall can replace. Meltwater from retreating glaciers raises sea levels \
            and changes the flow of rivers that cities depend on.

            ## Movement

            Ice flows downhill by internal deformation and by sliding over its bed. Crevasses open where the ice \
            stretches as it moves over steeper ground.
            """;

    public static final String BREAD_HTML = """
            <html><head><title>Baking bread at home</title><style>p{color:red}</style></head>
            <body><nav>Home | Recipes</nav>
            <h1>Baking bread at home</h1>
            <p>Bread needs only flour, water, salt and yeast. Kneading develops gluten, which traps the gas made by
            the yeast so the loaf can rise.</p>
            <h2>Proofing</h2>
            <p>Let the dough rest in a warm place until it has doubled in size. A cold, slow proof in the
            refrigerator gives a more complex flavour.</p>
            <script>console.log('not text');</script>
            </body></html>
            """;

    public static final String TRAINS_TXT = """
            High-speed trains run on dedicated tracks with gentle curves so that they can travel safely above \
            250 kilometres per hour. Electric power comes from overhead lines through a pantograph on the roof.

            Signalling on these lines is shown inside the cab, because drivers cannot read trackside signals at \
            such speeds.
            """;
}
