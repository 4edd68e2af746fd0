Feature: What the lab does not model is said, not hidden
  The emulated 2600 knows the vocabulary of its 12.2 image, so abbreviations resolve as on a real
  router. Configuration lines the lab keeps without carrying them out are accepted with their
  sub-modes, shown back in show running-config, and noticed once per router; commands it knows
  only by name answer with a tedlab notice; a real typo still gets IOS's error.

  Background:
    Given the lab "ted-doc"

  Scenario: A prefix of several keywords of the image is ambiguous, as IOS says
    When I type on "Daphne":
      """
      di
      cl
      de
      show i
      """
    Then the output is exactly:
      """
      Daphne#di
      % Ambiguous command:  "di"
      Daphne#cl
      % Ambiguous command:  "cl"
      Daphne#de
      % Ambiguous command:  "de"
      Daphne#show i
      % Ambiguous command:  "show i"
      Daphne#
      """
    When I run "sh ip int br" on "Daphne"
    Then the output contains "FastEthernet0/1 13.13.13.13 YES NVRAM up up"

  Scenario: A command the image has but the lab does not emulate answers with a tedlab notice
    When I run "sh proc cpu" on "Daphne"
    Then the output is exactly:
      """
      % tedlab: "show processes cpu" is not modelled (tedlab does not emulate this command)
      """
    When I run "show ip ospf neighbor" on "Daphne"
    Then the output is exactly:
      """
      % tedlab: "show ip ospf neighbor" is not modelled (no OSPF in this lab)
      """

  Scenario: A real typo still gets IOS's error, the caret under the first character no keyword allows
    When I type on "Daphne":
      """
      show interfacse
      """
    Then the output is exactly:
      """
      Daphne#show interfacse
                          ^
      % Invalid input detected at '^' marker.

      Daphne#
      """

  Scenario: A routing protocol is accepted with its sub-mode, noticed once, and shown where IOS shows it
    When I type on "Daphne":
      """
      conf t
      router ospf 1
      network 13.13.13.0 0.0.0.255 area 0
      passive-interface fa0/1
      router ospf 2
      end
      """
    Then the output is exactly:
      """
      Daphne#conf t
      Enter configuration commands, one per line.  End with CNTL/Z.
      Daphne(config)#router ospf 1
      % tedlab: "router ospf 1" is accepted but not modelled (no OSPF in this lab)
      Daphne(config-router)#network 13.13.13.0 0.0.0.255 area 0
      Daphne(config-router)#passive-interface fa0/1
      Daphne(config-router)#router ospf 2
      Daphne(config-router)#end
      *Mar  1 00:00:00.000: %SYS-5-CONFIG_I: Configured from console by console
      Daphne#
      """
    When I run "show running-config interface FastEthernet0/1" on "Daphne"
    Then the output does not contain "router ospf"
    When I run "show running-config" on "Daphne"
    Then the output contains "router ospf 1"
    And the output contains " passive-interface FastEthernet0/1"
    And the output contains " network 13.13.13.0 0.0.0.255 area 0"
    And the output contains "router ospf 2"

  Scenario: DHCP pools and route-maps have their sub-modes and their places in the configuration
    When I configure "fred" with:
      """
      ip dhcp pool LAN
       network 12.12.12.0 255.255.255.0
       default-router 12.12.12.12
      route-map TED permit 10
       match ip address 101
      """
    Then the output contains '% tedlab: "ip dhcp pool LAN" is accepted but not modelled'
    And the output contains '% tedlab: "route-map TED permit 10" is accepted but not modelled'
    When I run "show running-config" on "fred"
    Then the output contains "ip dhcp pool LAN"
    And the output contains "   default-router 12.12.12.12"
    And the output contains "route-map TED permit 10"
    And the output contains " match ip address 101"

  Scenario: A configuration line the lab can neither carry out nor keep is refused with the notice
    When I try to configure "fred" with:
      """
      no ip routing
      """
    Then the configuration fails with:
      """
      fred(config)#no ip routing
      % tedlab: "no ip routing" is not modelled, so tedlab refuses it (the lab's routers always route IP)
      """
