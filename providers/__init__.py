"""The bundled store providers; they register through entry points like anyone's."""
