// Site-wide script. Pages work without it; it only adds behaviour on top.
document.documentElement.classList.add("js");
