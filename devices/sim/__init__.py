"""Device simulators: real processes on real ptys and sockets, for the demo and for tests."""
