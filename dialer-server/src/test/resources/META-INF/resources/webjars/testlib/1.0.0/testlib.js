window.testlib = "1.0.0";
