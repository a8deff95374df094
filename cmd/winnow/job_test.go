package main

// The job format's own tests are in package crawler/jobfile; the tests
// here write this one, in flow style, and edit it.
const minimalJob = `name: example
seeds: ["http://127.0.0.1:8080/"]
scope: {hosts: ["127.0.0.1:8080"]}
output: {dir: out}
state: {dir: state}
`
