/** The shop's catalog and its typed session schema. */
package dev.sessionkit.sample.shop;
