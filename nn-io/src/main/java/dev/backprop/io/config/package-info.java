/**
 * Run configuration files: {@link dev.backprop.io.config.ConfigFiles} reads a network architecture and
 * a training configuration from a JSON or YAML file into a {@link dev.backprop.io.config.RunConfig},
 * validating every key and resolving every plugin id, and writes one back; every failure is a
 * {@link dev.backprop.io.config.ConfigFileException} naming the file and the key. Inside, one class per
 * part of the file reads and writes it side by side: the syntax ({@code ConfigFormat}), the
 * {@code network} section and its layers ({@code NetworkSection}, {@code LayerSection}), a plugin named
 * with its settings ({@code PluginReference}), the {@code training} section ({@code TrainingSection})
 * and the table of schedule types ({@code ScheduleSection}).
 */
package dev.backprop.io.config;
