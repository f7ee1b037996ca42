package dev.microshop.contracts;

import static java.util.stream.Collectors.joining;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Descriptors.ServiceDescriptor;
import dev.microshop.contracts.events.Topics;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SequencedMap;
import java.util.stream.Stream;

/**
 * What other services rely on in the compiled contracts, one entry per promise, e.g.
 * {@code message microshop.user.v1.User field 4} = {@code roles repeated string}: each proto message's fields and
 * each gRPC method's request and response (read from the descriptors protoc generated), each event record's
 * components and CloudEvents type. An entry is "kind owner member", e.g. {@code record OrderEvents.OrderCreated
 * component total}.
 */
final class ContractListing {

    private static final String CONTRACTS_PACKAGE = "dev.microshop.contracts";
    private static final String EVENTS_PACKAGE = Topics.class.getPackageName();

    private ContractListing() {}

    /** The current contracts, in a stable order: proto files by name, then event records by name. */
    static SequencedMap<String, String> current() {
        SequencedMap<String, String> entries = new LinkedHashMap<>();
        List<Class<?>> classes = compiledContractClasses();
        classes.stream()
                .map(ContractListing::protoFileOf)
                .filter(Objects::nonNull)
                .sorted(Comparator.comparing(FileDescriptor::getName))
                .forEach(file -> addProtoFile(file, entries));
        classes.stream()
                .filter(type -> type.isRecord() && type.getPackageName().equals(EVENTS_PACKAGE))
                .forEach(record -> addEventRecord(record, entries));
        return entries;
    }

    private static void addProtoFile(FileDescriptor file, SequencedMap<String, String> entries) {
        file.getMessageTypes().forEach(message -> addMessage(message, entries));
        for (ServiceDescriptor service : file.getServices()) {
            for (MethodDescriptor method : service.getMethods()) {
                entries.put(
                        "service " + service.getFullName() + " rpc " + method.getName(),
                        (method.isClientStreaming() ? "stream " : "")
                                + method.getInputType().getFullName() + " -> "
                                + (method.isServerStreaming() ? "stream " : "")
                                + method.getOutputType().getFullName());
            }
        }
    }

    private static void addMessage(Descriptor message, SequencedMap<String, String> entries) {
        for (FieldDescriptor field : message.getFields()) {
            entries.put(
                    "message " + message.getFullName() + " field " + field.getNumber(),
                    field.getName() + " " + typeOf(field));
        }
        message.getNestedTypes().forEach(nested -> addMessage(nested, entries));
    }

    private static String typeOf(FieldDescriptor field) {
        String type = switch (field.getType()) {
            case MESSAGE, GROUP -> field.getMessageType().getFullName();
            case ENUM -> field.getEnumType().getFullName();
            default -> field.getType().name().toLowerCase(Locale.ROOT);
        };
        String label = field.isRepeated() ? "repeated " : field.toProto().getProto3Optional() ? "optional " : "";
        return label + type;
    }

    private static void addEventRecord(Class<?> record, SequencedMap<String, String> entries) {
        String name = "record " + nameInEvents(record);
        String type = cloudEventsType(record);
        if (type != null) {
            entries.put(name + " type", type);
        }
        for (RecordComponent component : record.getRecordComponents()) {
            entries.put(name + " component " + component.getName(), typeName(component.getGenericType()));
        }
    }

    /** The record's {@code TYPE} constant, or null for a part of an event such as {@code Money}. */
    private static String cloudEventsType(Class<?> record) {
        try {
            Field type = record.getDeclaredField("TYPE");
            return (String) type.get(null);
        } catch (NoSuchFieldException e) {
            return null;
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** JDK types by their full name, contract types relative to the events package: {@code OrderEvents.OrderedItem}. */
    private static String typeName(Type type) {
        if (type instanceof ParameterizedType parameterized) {
            return typeName(parameterized.getRawType())
                    + Arrays.stream(parameterized.getActualTypeArguments())
                            .map(ContractListing::typeName)
                            .collect(joining(", ", "<", ">"));
        }
        if (type instanceof Class<?> contract && contract.getPackageName().equals(EVENTS_PACKAGE)) {
            return nameInEvents(contract);
        }
        return type.getTypeName();
    }

    private static String nameInEvents(Class<?> type) {
        return type.getCanonicalName().substring(EVENTS_PACKAGE.length() + 1);
    }

    /** The file descriptor of a protoc outer class (the one with a static {@code getDescriptor()} of its file). */
    private static FileDescriptor protoFileOf(Class<?> type) {
        try {
            Method getDescriptor = type.getDeclaredMethod("getDescriptor");
            boolean outerClass = Modifier.isStatic(getDescriptor.getModifiers())
                    && getDescriptor.getReturnType() == FileDescriptor.class;
            return outerClass ? (FileDescriptor) getDescriptor.invoke(null) : null;
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every class compiled from this module, generated or written: new proto files and events are found too. */
    private static List<Class<?>> compiledContractClasses() {
        try {
            Path classes = Path.of(Topics.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            try (Stream<Path> files = Files.walk(classes.resolve(CONTRACTS_PACKAGE.replace('.', File.separatorChar)))) {
                return files.map(file -> classes.relativize(file).toString())
                        .filter(file -> file.endsWith(".class"))
                        .map(file -> file.substring(0, file.length() - ".class".length())
                                .replace(File.separatorChar, '.'))
                        .sorted()
                        .<Class<?>>map(ContractListing::load)
                        .toList();
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("Cannot list the compiled contracts", e);
        }
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, ContractListing.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
