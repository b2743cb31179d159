package dev.cairn.spring;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The test class path without Actuator, as an application that does not depend on
 * {@code spring-boot-starter-actuator} has it: the classes and resources (auto-configuration
 * imports included) of the jars that starter brings, Actuator's, the health support's and
 * Micrometer's, are not there. The jars are told apart by their file names, so that nothing
 * of theirs is left whatever its package.
 */
final class WithoutActuator extends ClassLoader {

    private static final Pattern HIDDEN = Pattern.compile(
            ".*/(spring-boot-(starter-)?(actuator|health|micrometer)[^/]*|micrometer-[^/]*)\\.jar!/.*");

    WithoutActuator() {
        super(WithoutActuator.class.getClassLoader());
    }

    private static boolean hidden(URL url) {
        return url != null && HIDDEN.matcher(url.toString()).matches();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (hidden(getParent().getResource(name.replace('.', '/') + ".class"))) {
            throw new ClassNotFoundException(name + " (hidden: the application has no Actuator)");
        }
        return super.loadClass(name, resolve);
    }

    @Override
    public URL getResource(String name) {
        try {
            Enumeration<URL> found = getResources(name);
            return found.hasMoreElements() ? found.nextElement() : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> visible = Collections.list(getParent().getResources(name)).stream().filter(url -> !hidden(url)).toList();
        return Collections.enumeration(visible);
    }
}
