package org.regionalexchange.gateway.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.regionalexchange.region.RegionTool;

/**
 * The server jar that a node runs (and the image's classes come from) holds no class of the local
 * region's tool (module region-tool: development keys and tokens): not in the gateway's own classes,
 * not as a library, under no package. The tool's classes are read from its own build, so a class
 * added to the tool is checked too.
 */
class ServerJarIT {

    @Test
    @DisplayName("the built gateway jar holds the node and its evidence tool, and no class of the region tool")
    void serverJarHoldsNoRegionToolClass() throws IOException, URISyntaxException {
        Set<String> toolClasses = regionToolClasses();
        assertTrue(toolClasses.contains("RegionTool.class") && toolClasses.contains("DevTokens.class"),
                "the region tool's classes were not found: " + toolClasses);

        List<String> found = new ArrayList<>();
        Set<String> entries = new TreeSet<>();
        try (JarFile jar = new JarFile(serverJar().toFile())) {
            for (ZipEntry entry : jar.stream().toList()) {
                entries.add(entry.getName());
                if (isToolClass(entry.getName(), toolClasses)) {
                    found.add(entry.getName());
                }
                if (entry.getName().startsWith("BOOT-INF/lib/") && entry.getName().endsWith(".jar")) {
                    assertFalse(entry.getName().startsWith("BOOT-INF/lib/region-tool"), entry.getName());
                    try (InputStream in = jar.getInputStream(entry); ZipInputStream nested = new ZipInputStream(in)) {
                        for (ZipEntry inner = nested.getNextEntry(); inner != null; inner = nested.getNextEntry()) {
                            if (isToolClass(inner.getName(), toolClasses)) {
                                found.add(entry.getName() + "!/" + inner.getName());
                            }
                        }
                    }
                }
            }
        }
        assertTrue(entries.contains("BOOT-INF/classes/org/regionalexchange/gateway/GatewayApplication.class"),
                "not the gateway's server jar");
        assertTrue(entries.contains("BOOT-INF/classes/org/regionalexchange/gateway/signing/EvidenceTool.class"),
                "the evidence tool runs from the server jar (deploy/verify-evidence)");
        assertEquals(List.of(), found, "classes of the region tool in the server jar");
    }

    private static Path serverJar() {
        String location = System.getProperty("gateway.jar");
        assertTrue(location != null && !location.isBlank(), "no -Dgateway.jar: run as an integration test of gateway");
        Path jar = Path.of(location);
        assertTrue(Files.isRegularFile(jar), "no server jar at " + jar);
        return jar;
    }

    /** The simple file names ({@code RegionTool.class}, inner classes too) of the tool's own build. */
    private static Set<String> regionToolClasses() throws IOException, URISyntaxException {
        Path location = Path.of(RegionTool.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> names = new TreeSet<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                files.map(Path::toString).filter(name -> name.endsWith(".class") && !name.endsWith("package-info.class"))
                        .forEach(name -> names.add(name.substring(name.lastIndexOf('/') + 1)));
            }
        } else {
            try (JarFile jar = new JarFile(location.toFile())) {
                jar.stream().map(ZipEntry::getName)
                        .filter(name -> name.endsWith(".class") && !name.endsWith("package-info.class"))
                        .forEach(name -> names.add(name.substring(name.lastIndexOf('/') + 1)));
            }
        }
        return names;
    }

    private static boolean isToolClass(String entry, Set<String> toolClasses) {
        return entry.endsWith(".class") && toolClasses.contains(entry.substring(entry.lastIndexOf('/') + 1));
    }
}
