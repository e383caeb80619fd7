/**
 * Run configuration files: {@link dev.backprop.io.config.ConfigFiles} reads a network architecture and
 * a training configuration from a JSON or YAML file into a {@link dev.backprop.io.config.RunConfig},
 * validating every key and resolving every plugin id; every failure is a
 * {@link dev.backprop.io.config.ConfigFileException} naming the file and the key.
 */
package dev.backprop.io.config;
