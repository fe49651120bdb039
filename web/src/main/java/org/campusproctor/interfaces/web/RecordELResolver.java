package org.campusproctor.interfaces.web;

import jakarta.el.ELContext;
import jakarta.el.ELException;
import jakarta.el.ELResolver;
import jakarta.el.PropertyNotWritableException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets pages read the view records of their beans as {@code #{tile.riskScore}}: Expression Language 5 (Jakarta EE
 * 10) reads only JavaBeans getters, records have accessors ({@code riskScore()}). Registered in faces-config.xml;
 * read-only, like records. (EL 6 brings its own RecordELResolver; this one can go then.)
 */
public class RecordELResolver extends ELResolver {

    private static final Map<Class<?>, Map<String, Method>> ACCESSORS = new ConcurrentHashMap<>();

    private static Method accessor(Object base, Object property) {
        if (base == null || !base.getClass().isRecord() || !(property instanceof String name)) {
            return null;
        }
        return ACCESSORS.computeIfAbsent(base.getClass(), type -> {
            Map<String, Method> byName = new ConcurrentHashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                Method method = component.getAccessor();
                method.setAccessible(true); // records nested in non-public classes
                byName.put(component.getName(), method);
            }
            return byName;
        }).get(name);
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
        Method accessor = accessor(base, property);
        if (accessor == null) {
            return null;
        }
        context.setPropertyResolved(base, property);
        try {
            return accessor.invoke(base);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new ELException("Reading " + property + " of " + base.getClass().getSimpleName(), e);
        }
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
        Method accessor = accessor(base, property);
        if (accessor == null) {
            return null;
        }
        context.setPropertyResolved(base, property);
        return null; // read-only: nothing may be set
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
        if (accessor(base, property) != null) {
            throw new PropertyNotWritableException(property + " of a record cannot be changed");
        }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
        if (accessor(base, property) == null) {
            return false;
        }
        context.setPropertyResolved(base, property);
        return true;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
        return base != null && base.getClass().isRecord() ? String.class : null;
    }
}
