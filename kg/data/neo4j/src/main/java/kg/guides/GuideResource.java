package kg.guides;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.regex.Pattern;

import javax.ws.rs.GET;
import javax.ws.rs.PathParam;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

/**
 * Serves kg's Neo4j Browser guides, so that {@code :play http://HOST:PORT/kg/guides/kg.html}
 * works against kg's own server.
 *
 * <p>Mounted as a Neo4j unmanaged extension at {@code /kg} (see {@code KgNeo4jServer}); the
 * files are the {@code *.html} of {@code <home>/guides/}, which the Python launcher writes from
 * the Cypher library on every start. Only plain file names are served: no path can leave that
 * folder.
 */
@javax.ws.rs.Path("/guides")
public class GuideResource {

    /** System property naming the guides folder (set by {@code KgNeo4jServer}). */
    public static final String GUIDES_DIR_PROPERTY = "kg.guides.dir";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+\\.html");

    @GET
    @javax.ws.rs.Path("{name}")
    public Response guide(@PathParam("name") String name) {
        String dir = System.getProperty(GUIDES_DIR_PROPERTY);
        if (dir == null || !NAME.matcher(name).matches()) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        java.nio.file.Path file = java.nio.file.Path.of(dir).resolve(name);
        if (!Files.isRegularFile(file)) {
            return Response.status(Response.Status.NOT_FOUND).build();
        }
        try {
            String html = Files.readString(file, StandardCharsets.UTF_8);
            return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                    .header("Cache-Control", "no-store")
                    .build();
        } catch (IOException e) {
            return Response.serverError().entity("cannot read " + name).build();
        }
    }
}
