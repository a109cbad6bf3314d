// Package fileio reads and writes whole files with as few system calls as the platform allows.
// A site reads and writes thousands of small files. On Linux, os.ReadFile and os.WriteFile take
// eight to ten system calls a file: besides open, read or write, and close they set the file
// non-blocking, try to add it to the network poller (which refuses a regular file) and set it
// blocking again. On Unix these functions take three to five; elsewhere they are package os's.
package fileio
